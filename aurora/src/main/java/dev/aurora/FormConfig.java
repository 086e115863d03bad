package dev.aurora;

import java.nio.file.Path;

/**
 * How the application reads HTML forms ({@link Context#form()}, {@link Context#formStream()}):
 * {@code application/x-www-form-urlencoded} and {@code multipart/form-data}. Set it with
 * {@link Aurora#forms(FormConfig)}.
 *
 * <pre>{@code
 * Aurora app = Aurora.create().forms(FormConfig.defaults()
 *         .withMaxFileSize(50L * 1024 * 1024)
 *         .withTempDirectory(Path.of("/var/tmp/uploads")));
 * }</pre>
 *
 * <p>A form that breaks a limit is refused with {@code 413} naming the limit and the part; the
 * whole body is bounded first by the request's body limit ({@link ServerConfig#maxBodySize()}, or
 * a route's {@code BodyLimit}). Files larger than {@code memoryThreshold} are written to a
 * temporary file, which is deleted when the request ends, however it ends.
 *
 * <table>
 * <caption>Components and defaults</caption>
 * <tr><th>component</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code maxParts}</td><td>1,000</td><td>Fields and files of one form, so a body of a million empty fields is refused early.</td></tr>
 * <tr><td>{@code maxFiles}</td><td>100</td><td>Files of one form.</td></tr>
 * <tr><td>{@code maxFieldSize}</td><td>64 KiB</td><td>Bytes of one field's value (held in memory as a {@code String}).</td></tr>
 * <tr><td>{@code maxFileSize}</td><td>{@code Long.MAX_VALUE}: no limit of its own</td><td>Bytes of one file.</td></tr>
 * <tr><td>{@code maxPartHeaderSize}</td><td>8 KiB</td><td>Bytes of one part's header block (multipart).</td></tr>
 * <tr><td>{@code memoryThreshold}</td><td>16 KiB</td><td>Files up to this many bytes stay in memory.</td></tr>
 * <tr><td>{@code tempDirectory}</td><td>{@code null}: {@code java.io.tmpdir}</td><td>Where larger files are spooled.</td></tr>
 * </table>
 *
 * @param maxParts fields and files of one form at most, at least 1
 * @param maxFiles files of one form at most, at least 0
 * @param maxFieldSize bytes of one field's value at most, at least 1
 * @param maxFileSize bytes of one file at most, at least 1; {@code Long.MAX_VALUE} leaves the bound to the body limit
 * @param maxPartHeaderSize bytes of one multipart part's header block at most, at least 64
 * @param memoryThreshold bytes up to which a file stays in memory; a larger one goes to a temporary file; 0 spools every file
 * @param tempDirectory where temporary files go; {@code null} for {@code java.io.tmpdir}
 */
public record FormConfig(
        int maxParts,
        int maxFiles,
        int maxFieldSize,
        long maxFileSize,
        int maxPartHeaderSize,
        int memoryThreshold,
        Path tempDirectory) {

    private static final FormConfig DEFAULTS = new FormConfig(1000, 100, 64 * 1024, Long.MAX_VALUE, 8 * 1024, 16 * 1024, null);

    /** Checks every limit; the message starts with the component's name. */
    public FormConfig {
        atLeast("maxParts", maxParts, 1);
        atLeast("maxFiles", maxFiles, 0);
        atLeast("maxFieldSize", maxFieldSize, 1);
        atLeast("maxFileSize", maxFileSize, 1);
        atLeast("maxPartHeaderSize", maxPartHeaderSize, 64);
        atLeast("memoryThreshold", memoryThreshold, 0);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    /** {@return the defaults listed in the table above} */
    public static FormConfig defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy with {@code maxParts} replaced}
     *
     * @param maxParts fields and files of one form at most, at least 1
     */
    public FormConfig withMaxParts(int maxParts) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return a copy with {@code maxFiles} replaced}
     *
     * @param maxFiles files of one form at most, at least 0
     */
    public FormConfig withMaxFiles(int maxFiles) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return a copy with {@code maxFieldSize} replaced}
     *
     * @param maxFieldSize bytes of one field's value at most, at least 1
     */
    public FormConfig withMaxFieldSize(int maxFieldSize) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return a copy with {@code maxFileSize} replaced}
     *
     * @param maxFileSize bytes of one file at most, at least 1; {@code Long.MAX_VALUE} leaves the bound to the body limit
     */
    public FormConfig withMaxFileSize(long maxFileSize) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return a copy with {@code maxPartHeaderSize} replaced}
     *
     * @param maxPartHeaderSize bytes of one multipart part's header block at most, at least 64
     */
    public FormConfig withMaxPartHeaderSize(int maxPartHeaderSize) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return a copy with {@code memoryThreshold} replaced}
     *
     * @param memoryThreshold bytes up to which a file stays in memory; a larger one goes to a temporary file; 0 spools every file
     */
    public FormConfig withMemoryThreshold(int memoryThreshold) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return a copy with {@code tempDirectory} replaced}
     *
     * @param tempDirectory where temporary files go; {@code null} for {@code java.io.tmpdir}
     */
    public FormConfig withTempDirectory(Path tempDirectory) {
        return new FormConfig(maxParts, maxFiles, maxFieldSize, maxFileSize, maxPartHeaderSize, memoryThreshold, tempDirectory);
    }
}
