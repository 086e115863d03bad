package dev.aurora.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * Sends part of a file as a whole response body with {@code FileChannel.transferTo}
 * ({@code sendfile}), straight from the page cache to the socket.
 *
 * <p>On a virtual thread's non-blocking socket {@code transferTo} returns 0 instead of waiting when
 * the socket buffer is full. The next piece is then written the ordinary way, which parks until the
 * client reads (and is what the write timeout watches), and {@code transferTo} resumes.
 *
 * <p>One instance per connection; runs on the connection's virtual thread.
 */
public final class FileBody {
    /** Smaller files go through the write buffer with their headers, in one socket write. */
    static final long MIN_BYTES = 64 * 1024;
    private static final int FALLBACK_PIECE = 16 * 1024;

    private final ResponseWriter writer;
    /** Where a file body can be sent zero-copy; null in memory. */
    private SocketChannel target;
    /** For the pieces that must be written the ordinary way; made when first needed. */
    private byte[] piece;

    public FileBody(ResponseWriter writer, SocketChannel target) {
        this.writer = writer;
        this.target = target;
    }

    /** Sends to {@code target} from now on (null: no zero-copy, in memory). */
    public void bind(SocketChannel target) {
        this.target = target;
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} as the whole body.
     *
     * @return false, having changed nothing, when this response cannot go that way: no socket
     *     channel (in memory), no body (HEAD, 304), an encoding in play, a small file, or a response
     *     already started
     */
    public boolean send(FileChannel file, long position, long count) throws IOException {
        if (target == null || count < MIN_BYTES || !writer.commitForDirectBody(count)) {
            return false;
        }
        OutputBuffer out = writer.output();
        out.flush();
        long at = position;
        long left = count;
        while (left > 0) {
            long sent = file.transferTo(at, left, target);
            if (sent > 0) {
                out.sentAround(sent);
            } else {
                sent = writePiece(out, file, at, left);
            }
            at += sent;
            left -= sent;
        }
        return true;
    }

    private int writePiece(OutputBuffer out, FileChannel file, long at, long left) throws IOException {
        if (piece == null) {
            piece = new byte[FALLBACK_PIECE];
        }
        int read = file.read(ByteBuffer.wrap(piece, 0, (int) Math.min(piece.length, left)), at);
        if (read < 0) {
            throw new EOFException("file ended " + left + " bytes early");
        }
        out.write(piece, 0, read);
        out.flush();
        return read;
    }
}
