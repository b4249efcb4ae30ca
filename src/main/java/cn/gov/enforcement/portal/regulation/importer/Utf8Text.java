package cn.gov.enforcement.portal.regulation.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads an imported file's bytes as UTF-8 text, and when they are not, says which of three things went wrong: the
 * file is in another encoding (GBK, Big5: the first Chinese character already fails), the file ends in the middle of
 * a character (copied or uploaded incompletely), or a UTF-8 file holds a few bytes that are not UTF-8 at a line (a
 * damaged file, or text of another encoding pasted in). Only the first tells the reader to save the file as UTF-8.
 */
public final class Utf8Text {

    private Utf8Text() {}

    /** The text of {@code bytes}; empty, with the problem added to {@code problems} for {@code file}, if not UTF-8. */
    public static Optional<String> decode(String file, byte[] bytes, List<ImportProblem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return Optional.of(out.flip().toString());
        }
        int bad = in.position();
        int line = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        // Chinese read as UTF-8 before the bad bytes: the file is UTF-8 (a GBK file's first characters can pass as
        // UTF-8 by chance, two-byte sequences of Latin or Greek letters, but hardly as Chinese)
        long chineseBefore = new String(bytes, 0, bad, StandardCharsets.UTF_8).codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).limit(2).count();
        boolean multiByteBefore = chineseBefore >= 2;
        if (truncatedAtEnd(bytes, bad)) {
            problems.add(ImportProblem.error(file, line, "regulation.import.truncatedUtf8"));
        } else if (multiByteBefore) {
            problems.add(ImportProblem.error(file, line, "regulation.import.badUtf8Bytes"));
        } else {
            problems.add(ImportProblem.error(file, 0, "regulation.import.notUtf8"));
        }
        return Optional.empty();
    }

    /**
     * Whether the bytes from {@code bad} on are the start of one UTF-8 character cut off by the end of the file: a
     * lead byte and fewer continuation bytes than it announces, nothing after them.
     */
    private static boolean truncatedAtEnd(byte[] bytes, int bad) {
        int lead = bytes[bad] & 0xFF;
        int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
        if (length == 0 || lead > 0xF4 || bytes.length - bad >= length) {
            return false;
        }
        for (int i = bad + 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
