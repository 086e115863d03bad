package dev.aurora.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file found by a {@link FileSource}: what the response headers need, and its bytes on demand.
 *
 * @param fileName the last segment, for the content type
 * @param size length in bytes
 * @param lastModifiedMillis modification time, epoch milliseconds (0 if unknown)
 * @param opener opens the bytes from the start
 * @param path the file on disk, for zero-copy sending; null inside a jar
 */
public record Resource(String fileName, long size, long lastModifiedMillis, Opener opener, Path path) {
    /** Opens a resource's bytes. */
    @FunctionalInterface
    public interface Opener {
        /** @return a stream from the first byte; the caller closes it */
        InputStream open() throws IOException;
    }

    /** @return a stream from the first byte; the caller closes it */
    public InputStream open() throws IOException {
        return opener.open();
    }
}
