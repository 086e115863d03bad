package dev.aurora.internal.compress;

import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * What one compressed response needs and a pool keeps between responses: a raw {@link Deflater}
 * (its native state is the expensive part, about 256 KiB at the default settings), the checksum of
 * either framing, and the buffer compressed bytes pass through. {@link #end()} frees the native
 * memory; the pool that owns an instance calls it when it lets the instance go.
 *
 * <p>Owned by one connection's virtual thread from acquire to release.
 */
final class Compressor {
    /** Compressed bytes collected before they go to the framing stream; also the most a whole body may take and keep its Content-Length. */
    public static final int BUFFER = 16 * 1024;

    final Deflater deflater;
    final CRC32 crc = new CRC32();
    final Adler32 adler = new Adler32();
    final byte[] buffer = new byte[BUFFER];
    final int level;

    /** @param level the deflate level, 1 (fastest) to 9 (smallest) */
    Compressor(int level) {
        this.level = level;
        this.deflater = new Deflater(level, true);
    }

    /** Ready for the next response. */
    public void reset() {
        deflater.reset();
        crc.reset();
        adler.reset();
    }

    /** Frees the native memory; the instance is unusable afterwards. */
    public void end() {
        deflater.end();
    }
}
