package dev.aurora.internal.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file found by a {@link FileSource}: what the response headers need, and its bytes on demand.
 *
 * @param fileName the last segment, for the content type
 * @param size length in bytes
 * @param lastModifiedMillis modification time, epoch milliseconds (0 if unknown)
 * @param opener opens the bytes from the start
 */
public record Resource(String fileName, long size, long lastModifiedMillis, Opener opener) {
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
