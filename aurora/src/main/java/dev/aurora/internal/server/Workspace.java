package dev.aurora.internal.server;

import dev.aurora.ServerConfig;
import dev.aurora.internal.http.HeadReader;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.RequestHead;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.mem.PooledBuffer;
import java.io.IOException;

/**
 * Everything a connection needs only while a request is in flight: the read and write buffers
 * (leased from the server's {@link BufferPool}), the head tables, the head reader and the exchange
 * with its parts. A connection takes one from the server's pool when request bytes arrive and gives
 * it back when it goes idle, so an idle keep-alive connection holds none of it (see
 * {@link Connection}). A workspace in the pool keeps its objects and tables (about 5 KiB) but no
 * buffer, so the buffer pool's counts still say what connections hold.
 *
 * <p>Owned by one connection at a time, from {@link #bind} until the pool's reset ({@link #recycle}).
 */
final class Workspace {
    /** Pool size classes: a browser's head fits in 4 KiB; 16 KiB batches many pipelined answers. */
    static final int INITIAL_READ_BUFFER = 4096;
    static final int WRITE_BUFFER = 16384;

    final InputBuffer input;
    final OutputBuffer output;
    final RequestHead head;
    final HeadReader reader;
    final Exchange exchange;
    private final BufferPool pool;
    private PooledBuffer writeLease;

    Workspace(ServerRuntime server) {
        ServerConfig config = server.config();
        pool = server.buffers();
        output = new OutputBuffer(null, (byte[]) null);
        int maxRead = 2 * config.maxRequestLineLength() + config.maxHeaderSize() + 8192;
        input = new InputBuffer(null, pool, INITIAL_READ_BUFFER, maxRead, output::flush);
        head = new RequestHead(config.maxHeaderCount());
        reader = new HeadReader(server.headConfig());
        exchange = new Exchange(config, input, output, server);
    }

    /** Serves {@code transport} from now on, with freshly leased buffers. */
    void bind(Transport transport) throws IOException {
        input.bind(transport.input());
        writeLease = pool.acquire(WRITE_BUFFER);
        output.bind(transport.output(), writeLease.array());
        exchange.bind(transport.remoteAddress(), transport.fileTarget(), transport.tlsSession());
    }

    /** Back to the state of a new one, the buffers given back (the pool's reset). */
    void recycle() {
        exchange.writer().release();
        exchange.bind(null, null, null);
        input.recycle();
        output.recycle();
        releaseWriteLease();
        head.reset();
    }

    /** Gives the buffers back, for a workspace that will not be used again. */
    void discard() {
        exchange.writer().release();
        input.release();
        output.detach();
        releaseWriteLease();
    }

    private void releaseWriteLease() {
        PooledBuffer lease = writeLease;
        writeLease = null;
        if (lease != null) {
            lease.release();
        }
    }
}
