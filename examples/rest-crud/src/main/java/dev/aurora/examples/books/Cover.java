package dev.aurora.examples.books;

import dev.aurora.ETag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A book's cover image, as stored.
 *
 * @param contentType the image type, {@code image/png} say
 * @param filename the (sanitised) name it was uploaded under, for {@code Content-Disposition}
 * @param etag a strong entity-tag made from the bytes
 * @param updatedAt when it was uploaded
 * @param content the image
 */
record Cover(String contentType, String filename, String etag, Instant updatedAt, byte[] content) {

    /** @return a cover with an entity-tag from the first 128 bits of the SHA-256 of {@code content} */
    static Cover of(String contentType, String filename, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            String etag = ETag.strong(HexFormat.of().formatHex(digest, 0, 16));
            return new Cover(contentType, filename, etag, Instant.now(), content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
