package dev.aurora.internal.tls;

import java.nio.file.Path;

/** A certificate, key or key store file that cannot be used, with the file named in the message. */
public final class TlsFileException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TlsFileException(Path file, String problem) {
        super("TLS file " + file + " " + problem);
    }

    TlsFileException(Path file, String problem, Throwable cause) {
        super("TLS file " + file + " " + problem, cause);
    }
}
