package dev.aurora.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * An uploaded file of a {@link Form}, held in memory or in a temporary file that is deleted when
 * the request ends.
 */
public interface FormFile {

    /** {@return the form field's name} */
    String name();

    /**
     * {@return the file's name, safe to use as the last element of a path: without directories,
     *     control characters or characters Windows refuses, never {@code "."} or {@code ".."},
     *     at most 255 bytes of UTF-8; {@code "upload"} when nothing usable was sent}
     */
    String filename();

    /** {@return the file name exactly as the client sent it (for logs; never for a path)} */
    String submittedFilename();

    /** {@return the part's {@code Content-Type}, {@code application/octet-stream} if it sent none} */
    String contentType();

    /** {@return the file's size in bytes} */
    long size();

    /**
     * {@return the file's bytes from the start; each call opens a new stream}
     *
     * @throws IOException if the temporary file cannot be read
     */
    InputStream inputStream() throws IOException;

    /**
     * {@return the whole file in memory}
     *
     * @throws IOException if the temporary file cannot be read
     */
    byte[] bytes() throws IOException;

    /**
     * Writes the file to {@code target}, replacing it; a temporary file is moved there when the file
     * system allows, so the upload is not copied twice.
     *
     * @param target where to keep the file
     * @throws IOException if it cannot be written
     */
    void saveTo(Path target) throws IOException;
}
