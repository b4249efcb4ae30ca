package cn.gov.enforcement.portal.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One content file as read from the knowledge base.
 *
 * @param label where it comes from, relative to the knowledge base root and prefixed with
 *     {@code knowledge-base/}, e.g. {@code knowledge-base/agencies/x.yaml}
 * @param content the file's text (UTF-8)
 * @param sha256 hex SHA-256 of the file's bytes; equal hashes mean unchanged content
 */
public record KnowledgeFile(String label, String content, String sha256) {

    public static KnowledgeFile of(String label, byte[] bytes) {
        return new KnowledgeFile(label, new String(bytes, StandardCharsets.UTF_8), sha256(bytes));
    }

    public static KnowledgeFile of(String label, String content) {
        return of(label, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The file name without folders, e.g. {@code x.yaml}. */
    public String fileName() {
        int slash = label.lastIndexOf('/');
        return slash < 0 ? label : label.substring(slash + 1);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
