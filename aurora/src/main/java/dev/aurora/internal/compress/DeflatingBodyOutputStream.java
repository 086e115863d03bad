package dev.aurora.internal.compress;

import dev.aurora.internal.http.EncodingBodyStream;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.ResponseBodyStream;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * A response body in {@code gzip} or {@code deflate} content coding, passed on compressed to the
 * stream that frames it (fixed length, chunked or close-delimited). Bytes are compressed as they
 * are written, through one {@link Compressor#BUFFER}-sized buffer, so no body is ever held whole;
 * {@link #flush()} sync-flushes the deflater, so whatever the handler wrote so far can be
 * decompressed by the client at once.
 *
 * <p>A whole body known in advance ({@code send}, {@code json}) is compressed by
 * {@link #encodeWhole} before the response head is written: if its compressed form fits the buffer,
 * the caller can send it with a {@code Content-Length}, else {@link #begin} continues it as a stream.
 *
 * <p>The {@link Compressor} is borrowed for one response and handed back to its owner when the body
 * ends, or by {@link #abandon()} when it never will. One instance per connection, reused; runs on the
 * connection's virtual thread.
 */
final class DeflatingBodyOutputStream extends EncodingBodyStream {
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int GZIP_TRAILER = 8;
    private static final int ZLIB_HEADER = 2;
    private static final int ZLIB_TRAILER = 4;

    private final byte[] small = new byte[GZIP_TRAILER];
    private Compressor compressor;
    private Consumer<Compressor> owner;
    private boolean gzip;
    private ResponseBodyStream target;
    /** Compressed bytes in the compressor's buffer not yet passed to the target. */
    private int pending;

    DeflatingBodyOutputStream(OutputBuffer out) {
        super(out);
    }

    /**
     * Borrows {@code compressor} for a new body.
     *
     * @param coding {@link AcceptEncoding#GZIP} or {@link AcceptEncoding#DEFLATE}
     * @param owner takes the compressor back when the body ends or is abandoned
     */
    public DeflatingBodyOutputStream start(Compressor compressor, Consumer<Compressor> owner, int coding) {
        abandon();
        reset();
        this.compressor = compressor;
        this.owner = owner;
        this.gzip = coding == AcceptEncoding.GZIP;
        this.pending = 0;
        this.target = null;
        return this;
    }

    @Override
    public long encodeWhole(byte[] whole, int length) {
        checksum(whole, 0, length);
        Deflater d = compressor.deflater;
        d.setInput(whole, 0, length);
        d.finish();
        pending = d.deflate(compressor.buffer, 0, Compressor.BUFFER);
        return d.finished() ? (gzip ? GZIP_HEADER.length + GZIP_TRAILER : ZLIB_HEADER + ZLIB_TRAILER) + pending : -1;
    }

    /**
     * Starts the encoded body on {@code target}: the coding's header and anything
     * {@link #encodeWhole} compressed. For a whole body, also the rest and the end.
     *
     * @param wholeBody whether {@link #encodeWhole} was given the whole body
     */
    @Override
    public DeflatingBodyOutputStream begin(ResponseBodyStream target, boolean wholeBody) throws IOException {
        this.target = target;
        if (gzip) {
            target.write(GZIP_HEADER, 0, GZIP_HEADER.length);
        } else {
            small[0] = 0x78;
            small[1] = zlibFlags(compressor.level);
            target.write(small, 0, ZLIB_HEADER);
        }
        if (wholeBody) {
            // The length came from encodeWhole, so only a close-delimited target reports an open end,
            // and its caller has marked the connection to close already.
            finish();
        }
        return this;
    }

    @Override
    protected void writeBody(byte[] b, int off, int len) throws IOException {
        checksum(b, off, len);
        Deflater d = compressor.deflater;
        d.setInput(b, off, len);
        while (!d.needsInput()) {
            deflate(Deflater.NO_FLUSH);
        }
    }

    @Override
    protected void flushBody() throws IOException {
        if (compressor != null) {
            int n;
            do {
                n = deflate(Deflater.SYNC_FLUSH);
            } while (n > 0 && pending == 0);
            drainPending();
        }
    }

    @Override
    protected boolean end() throws IOException {
        Deflater d = compressor.deflater;
        d.finish();
        while (!d.finished()) {
            deflate(Deflater.NO_FLUSH);
        }
        drainPending();
        if (gzip) {
            putIntLe(0, (int) compressor.crc.getValue());
            putIntLe(4, (int) d.getBytesRead());
            target.write(small, 0, GZIP_TRAILER);
        } else {
            int adler = (int) compressor.adler.getValue();
            small[0] = (byte) (adler >>> 24);
            small[1] = (byte) (adler >>> 16);
            small[2] = (byte) (adler >>> 8);
            small[3] = (byte) adler;
            target.write(small, 0, ZLIB_TRAILER);
        }
        abandon();
        return target.finish();
    }

    /** Hands the compressor back if this stream still holds one (a body that will never end). Idempotent. */
    @Override
    public void abandon() {
        Compressor c = compressor;
        if (c != null) {
            compressor = null;
            owner.accept(c);
        }
    }

    /** Whether a compressor is out on loan to this stream. */
    public boolean holdsCompressor() {
        return compressor != null;
    }

    /** Deflates into the buffer, passing it on when full; returns the bytes produced. */
    private int deflate(int flush) throws IOException {
        int n = compressor.deflater.deflate(compressor.buffer, pending, Compressor.BUFFER - pending, flush);
        pending += n;
        if (pending == Compressor.BUFFER) {
            drainPending();
        }
        return n;
    }

    private void drainPending() throws IOException {
        if (pending > 0) {
            target.write(compressor.buffer, 0, pending);
            pending = 0;
        }
    }

    private void checksum(byte[] b, int off, int len) {
        if (gzip) {
            compressor.crc.update(b, off, len);
        } else {
            compressor.adler.update(b, off, len);
        }
    }

    private void putIntLe(int at, int v) {
        small[at] = (byte) v;
        small[at + 1] = (byte) (v >>> 8);
        small[at + 2] = (byte) (v >>> 16);
        small[at + 3] = (byte) (v >>> 24);
    }

    /** The zlib FLG byte: the level class, and the check bits that make CMF.FLG a multiple of 31. */
    private static byte zlibFlags(int level) {
        int flevel = level <= 1 ? 0 : level <= 5 ? 1 : level == 6 ? 2 : 3;
        int flg = flevel << 6;
        flg += 31 - ((0x78 * 256 + flg) % 31);
        return (byte) flg;
    }
}
