package cn.gov.enforcement.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors by the SHA-256 of the embedded text, in one append-only file per model:
 * a header ({@code PEC1}, dimensions) then records of 32 hash bytes and {@code dimensions} little-endian
 * floats. The index (hash → offset) is read at open; vectors are read from the file when asked for. A record
 * cut short by a crash is dropped at the next open. Thread-safe.
 *
 * <p>Several writers may share one file: the Spring contexts of a test run, or a command-line import beside a
 * running portal on PostgreSQL (same data directory). Each write therefore holds the file (a lock within this JVM,
 * and an operating-system lock for other processes), first takes in the records the others appended since (so it
 * appends at the file's true end, never over another writer's record) and then appends. A read compares the stored
 * hash with the text's, so a record it does not expect is a miss, never another text's vector.
 */
final class EmbeddingCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x50454331; // "PEC1"
    private static final int HEADER = 8;
    private static final int HASH = 32;
    /** One monitor per cache file in this JVM: the operating system's file lock is per process. */
    private static final Map<Path, Object> FILES = new ConcurrentHashMap<>();

    private final Path file;
    private final int dimensions;
    private final int recordSize;
    private final FileChannel channel;
    private final Object fileMonitor;
    private final Map<Key, Long> offsets = new HashMap<>();
    /** The end of the records this instance has read or written (other writers may have appended after it). */
    private long end;

    private EmbeddingCache(Path file, int dimensions) throws IOException {
        this.file = file;
        this.dimensions = dimensions;
        this.recordSize = HASH + 4 * dimensions;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.fileMonitor = FILES.computeIfAbsent(file.toRealPath(), f -> new Object());
        try {
            synchronized (fileMonitor) {
                try (FileLock held = channel.lock()) {
                    load();
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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
        end = HEADER;
        catchUp();
    }

    /**
     * Takes in the records appended after {@link #end} (by this instance's earlier life or by other writers) and
     * drops an incomplete last record (a writer that crashed while appending). Call with the file held.
     */
    private void catchUp() throws IOException {
        long size = channel.size();
        if (size <= end) {
            return;
        }
        long records = (size - end) / recordSize;
        long complete = end + records * recordSize;
        if (complete != size) {
            log.warn("Embedding cache {}: dropping an incomplete last record", file);
            channel.truncate(complete);
        }
        ByteBuffer hash = ByteBuffer.allocate(HASH);
        for (long i = 0; i < records; i++) {
            long offset = end + i * recordSize;
            hash.clear();
            readFully(hash, offset);
            offsets.putIfAbsent(new Key(hash.array().clone()), offset + HASH);
        }
        end = complete;
    }

    /** Number of cached vectors. */
    synchronized int size() {
        return offsets.size();
    }

    Optional<float[]> get(String text) {
        Key key = key(text);
        Long offset;
        synchronized (this) {
            offset = offsets.get(key);
        }
        if (offset == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN);
        try {
            readFully(buffer, offset - HASH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        byte[] stored = new byte[HASH];
        buffer.get(stored);
        if (!Arrays.equals(stored, key.bytes)) {
            // the record is not the one this instance indexed (the file was changed behind it): a miss
            log.warn("Embedding cache {}: the record at {} holds another text; computing the vector again", file,
                    offset - HASH);
            return Optional.empty();
        }
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
            synchronized (fileMonitor) {
                try (FileLock held = channel.lock()) {
                    // another writer may have appended since: write after its records, not over them
                    catchUp();
                    if (offsets.containsKey(key)) {
                        return;
                    }
                    long position = end;
                    while (record.hasRemaining()) {
                        position += channel.write(record, position);
                    }
                    offsets.put(key, end + HASH);
                    end = position;
                }
            }
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
