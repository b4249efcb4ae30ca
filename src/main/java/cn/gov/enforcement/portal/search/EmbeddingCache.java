package cn.gov.enforcement.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors by the SHA-256 of the embedded text, in one append-only file per model:
 * a header ({@code PEC1}, dimensions) then records of 32 hash bytes and {@code dimensions} little-endian
 * floats. The index (hash → offset) is read at open; vectors are read from the file when asked for. A record
 * cut short by a crash is dropped at the next open. Thread-safe.
 */
final class EmbeddingCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x50454331; // "PEC1"
    private static final int HEADER = 8;
    private static final int HASH = 32;

    private final Path file;
    private final int dimensions;
    private final int recordSize;
    private final FileChannel channel;
    private final Map<Key, Long> offsets = new HashMap<>();
    private long end;

    private EmbeddingCache(Path file, int dimensions) throws IOException {
        this.file = file;
        this.dimensions = dimensions;
        this.recordSize = HASH + 4 * dimensions;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        load();
    }

    /** Opens (or creates) the cache file; a file written for other dimensions is started afresh. */
    static EmbeddingCache open(Path file, int dimensions) {
        try {
            return new EmbeddingCache(file, dimensions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the embedding cache " + file, e);
        }
    }

    private void load() throws IOException {
        long size = channel.size();
        if (size >= HEADER) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            channel.read(header, 0);
            header.flip();
            if (header.getInt() != MAGIC || header.getInt() != dimensions) {
                log.warn("Embedding cache {} was written for another model; starting afresh", file);
                size = 0;
            }
        }
        if (size < HEADER) {
            channel.truncate(0);
            ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(dimensions).flip();
            channel.write(header, 0);
            end = HEADER;
            return;
        }
        long records = (size - HEADER) / recordSize;
        end = HEADER + records * recordSize;
        if (end != size) {
            log.warn("Embedding cache {}: dropping an incomplete last record", file);
            channel.truncate(end);
        }
        ByteBuffer hash = ByteBuffer.allocate(HASH);
        for (long i = 0; i < records; i++) {
            long offset = HEADER + i * recordSize;
            hash.clear();
            readFully(hash, offset);
            offsets.put(new Key(hash.array().clone()), offset + HASH);
        }
    }

    /** Number of cached vectors. */
    synchronized int size() {
        return offsets.size();
    }

    Optional<float[]> get(String text) {
        Long offset;
        synchronized (this) {
            offset = offsets.get(key(text));
        }
        if (offset == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 * dimensions).order(ByteOrder.LITTLE_ENDIAN);
        try {
            readFully(buffer, offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        float[] vector = new float[dimensions];
        buffer.asFloatBuffer().get(vector);
        return Optional.of(vector);
    }

    synchronized void put(String text, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("Expected " + dimensions + " dimensions, got " + vector.length);
        }
        Key key = key(text);
        if (offsets.containsKey(key)) {
            return;
        }
        ByteBuffer record = ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN);
        record.put(key.bytes);
        for (float v : vector) {
            record.putFloat(v);
        }
        record.flip();
        try {
            long position = end;
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            offsets.put(key, end + HASH);
            end = position;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedding cache " + file, e);
        }
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("Unexpected end of " + file);
            }
            position += n;
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            log.warn("Cannot close the embedding cache {}: {}", file, e.toString());
        }
    }

    static Key key(String text) {
        try {
            return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Key(byte[] bytes) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
