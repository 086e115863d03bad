package dev.aurora.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body for {@link TestRequest#multipart(Multipart)}, built part by
 * part in order, as a browser would send a form with file inputs. Not thread-safe.
 *
 * <pre>{@code
 * client.post("/books/1/cover").multipart(Multipart.create()
 *         .field("title", "Dune")
 *         .file("cover", "dune.png", "image/png", pngBytes))
 *     .send().assertStatus(204);
 * }</pre>
 */
public final class Multipart {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final String boundary;

    private Multipart(String boundary) {
        this.boundary = boundary;
    }

    /** {@return an empty body with a random boundary} */
    public static Multipart create() {
        return new Multipart("aurora-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /**
     * {@return an empty body with that boundary}
     *
     * @param boundary the boundary to use, 1 to 70 characters that none of the parts contain
     */
    public static Multipart withBoundary(String boundary) {
        return new Multipart(Objects.requireNonNull(boundary, "boundary"));
    }

    /**
     * Adds a text field.
     *
     * @param name the field name
     * @param value its value, sent as UTF-8 without a {@code Content-Type}
     * @return this body
     */
    public Multipart field(String name, String value) {
        return part("form-data; name=\"" + quote(name) + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a file field with these bytes.
     *
     * @param name the field name
     * @param filename the file name sent (quoted; non-ASCII as UTF-8, as browsers do)
     * @param contentType the part's type; {@code null} sends none
     * @param content the file's bytes
     * @return this body
     */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        return part("form-data; name=\"" + quote(name) + "\"; filename=\"" + quote(filename) + "\"", contentType, content);
    }

    /**
     * Adds a file field with the content of a file.
     *
     * @param name the field name
     * @param file a file whose name and bytes are sent, as {@code application/octet-stream}
     * @return this body
     */
    public Multipart file(String name, Path file) {
        try {
            return file(name, file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A part with exactly these headers, for the quirks a test needs (a {@code filename*}, no
     * {@code Content-Disposition}, an unusual type).
     *
     * @param headers header lines without their CRLF, e.g. {@code Content-Disposition: form-data; name="a"}
     * @param content the part's bytes
     * @return this body
     */
    public Multipart rawPart(java.util.List<String> headers, byte[] content) {
        write("--" + boundary + "\r\n");
        for (String h : headers) {
            write(h + "\r\n");
        }
        write("\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    private Multipart part(String disposition, String contentType, byte[] content) {
        return contentType == null
                ? rawPart(java.util.List.of("Content-Disposition: " + disposition), content)
                : rawPart(java.util.List.of("Content-Disposition: " + disposition, "Content-Type: " + contentType), content);
    }

    /** {@return the {@code Content-Type} to send, with the boundary} */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** {@return the whole body: the parts so far and the closing delimiter} */
    public byte[] toBytes() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
        whole.writeBytes(body.toByteArray());
        whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return whole.toByteArray();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** As the HTML standard encodes names: {@code "} and line breaks percent-encoded. */
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
