package dev.aurora.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One part of a form read as a stream ({@link FormStream}): a field or a file whose bytes come
 * straight from the connection. Valid until the next call to {@link FormStream#next()}, which skips
 * what was not read.
 */
public interface FormPart {

    /** {@return the form field's name} */
    String name();

    /** {@return whether the part is a file (it had a {@code filename})} */
    boolean isFile();

    /** {@return the sanitised file name, as {@link FormFile#filename()}; {@code null} for a field} */
    String filename();

    /** {@return the file name as sent; {@code null} for a field} */
    String submittedFilename();

    /**
     * {@return the part's {@code Content-Type}; if none was sent, {@code application/octet-stream}
     *     for a file and {@code text/plain} for a field}
     */
    String contentType();

    /**
     * {@return the part's bytes as they arrive; reading past a limit throws
     *     {@code PayloadTooLargeException} ({@code 413})}
     */
    InputStream inputStream();

    /**
     * {@return the part read whole as text (UTF-8 unless the part names another charset), at most
     *     {@link dev.aurora.FormConfig#maxFieldSize()} bytes}
     *
     * @throws IOException if the connection fails
     */
    String value() throws IOException;

    /**
     * Streams the part into {@code target}, replacing it; if the upload fails part way, the
     * partial file is deleted.
     *
     * @param target where to write the part
     * @return the number of bytes written
     * @throws IOException if the connection or the file fails
     */
    long saveTo(Path target) throws IOException;
}
