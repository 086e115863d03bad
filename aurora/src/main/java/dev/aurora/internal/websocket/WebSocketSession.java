package dev.aurora.internal.websocket;

import dev.aurora.internal.server.Takeover;
import dev.aurora.internal.server.Transport;
import dev.aurora.internal.server.UpgradeRequest;
import dev.aurora.websocket.CloseCodes;
import dev.aurora.websocket.Message;
import dev.aurora.websocket.WebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket: the {@link WebSocket} a handler gets.
 *
 * <p>Reading ({@link #receive()}, one thread at a time under {@code readLock}): frames are read
 * and checked by the {@link FrameReader}, pings answered, fragments joined (text checked as UTF-8
 * as the fragments arrive, compressed messages inflated at the end), and the close handshake
 * completed. Every way the connection ends is turned into one {@link Message.Close}, kept in
 * {@code result}: the peer's close, a protocol error (the server's close code), the idle timeout,
 * the connection breaking (1006).
 *
 * <p>Memory: the session is all an open WebSocket holds besides its connection (the HTTP workspace
 * went back to its pool at the upgrade, {@link UpgradeRequest} keeps what the handler may read of
 * the request). Pool buffers are leased only while frames are read in a burst or written (see
 * {@link FrameReader}, {@link FrameWriter}); data frames become messages in the
 * {@link MessageAssembler}.
 *
 * <p>Writing (any thread, under {@code writeLock}): a message is framed and flushed whole; a
 * streamed message ({@link MessageStream}) lets other data sends wait on {@code streamDone} until
 * it ends, while control frames go between its fragments. Writes go through the connection's
 * output, so a client that stops reading fails the write at the server's write timeout.
 * After the close frame left, nothing more is written.
 *
 * <p>Closing from a thread that does not read is bounded by {@code closeTimeout}: if the
 * peer's answer has not been read by then, a timer closes the transport (and interrupts the
 * handler if it is not receiving, so a handler blocked elsewhere ends too; the interrupt is cleared
 * when it returns). Runs on the connection's virtual thread, on sending threads, and on the
 * timer's short virtual threads (pings, close timeouts).
 */
public final class WebSocketSession implements WebSocket {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSession.class);
    /** Messages shorter than this go out uncompressed: DEFLATE would make them longer. */
    private static final int MIN_COMPRESS = 64;
    private static final byte[] EMPTY = {};

    private final UpgradeRequest upgrade;
    private final WebSocketOptions options;
    private final Transport transport;
    private final WebSocketSessions owner;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final PerMessageDeflate deflate;
    private final String subprotocol;
    private final List<String> extensions;
    private final Thread handlerThread;
    private final int idleMillis;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Condition streamDone = writeLock.newCondition();
    /** Guarded by writeLock. */
    private MessageStream streaming;
    /** Written under writeLock: once true nothing more is written. */
    private volatile boolean closeSent;
    private volatile boolean outputBroken;
    private volatile long closeSentNanos;

    private final ReentrantLock readLock = new ReentrantLock();
    private volatile Message.Close result;
    private volatile boolean receiving;
    private volatile boolean handlerRunning = true;
    private volatile boolean interruptedByTimer;
    private volatile long lastReceivedNanos = System.nanoTime();
    private final byte[] control = new byte[Opcodes.MAX_CONTROL_PAYLOAD];
    private final MessageAssembler assembler;

    private ScheduledFuture<?> pinger;
    /** Set by the thread that sent the close frame, cancelled by the reading thread. */
    private volatile ScheduledFuture<?> closeTimer;
    private boolean released;

    WebSocketSession(WebSocketOptions options, Takeover takeover, Handshake.Outcome agreed) {
        this.upgrade = takeover.request();
        this.options = options;
        this.transport = takeover.transport();
        this.owner = takeover.websockets();
        this.handlerThread = Thread.currentThread();
        this.idleMillis = (int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis());
        this.subprotocol = agreed.subprotocol();
        this.extensions = agreed.deflate() == null ? List.of() : List.of(agreed.deflate().response());
        this.deflate = agreed.deflate() == null ? null
                : new PerMessageDeflate(agreed.deflate(), options.maxMessageSize());
        this.writer = new FrameWriter(takeover.output(), takeover.buffers());
        // A client may send its first frames right behind the handshake: the HTTP buffer held them.
        this.reader = new FrameReader(transport.input(), takeover.buffers(), takeover.buffered(),
                options.maxFrameSize(), deflate != null);
        this.assembler = new MessageAssembler(reader, deflate, options.maxMessageSize(), idleMillis);
    }

    // ---- receiving ----

    @Override
    public Message receive() {
        readLock.lock();
        receiving = true;
        try {
            while (true) {
                Message.Close r = result;
                if (r != null) {
                    return r;
                }
                Message m = readOne();
                if (m != null) {
                    return m;
                }
            }
        } finally {
            receiving = false;
            readLock.unlock();
        }
    }

    @Override
    public Message.Close awaitClose() {
        while (true) {
            if (receive() instanceof Message.Close c) {
                return c;
            }
        }
    }

    /** Reads one frame; returns a message when it completed one, else null (see {@code result}). */
    private Message readOne() {
        try {
            reader.next(readTimeout());
            lastReceivedNanos = System.nanoTime();
            int opcode = reader.opcode();
            if (Opcodes.control(opcode)) {
                control(opcode);
                return null;
            }
            return assembler.next(opcode, closeSent);
        } catch (ProtocolViolation e) {
            LOG.debug("WebSocket protocol error: {}", e.getMessage());
            sendClose(e.code(), e.getMessage());
            finish(new Message.Close(e.code(), e.getMessage(), false));
        } catch (SocketTimeoutException e) {
            if (closeSent) {
                finish(new Message.Close(CloseCodes.ABNORMAL_CLOSURE, "No close reply in time", false));
            } else {
                sendClose(CloseCodes.GOING_AWAY_1001, "Idle timeout");
                finish(new Message.Close(CloseCodes.GOING_AWAY_1001, "Idle timeout", false));
            }
        } catch (IOException e) {
            LOG.debug("WebSocket connection lost: {}", e.toString());
            finish(new Message.Close(CloseCodes.ABNORMAL_CLOSURE, "", false));
        } catch (RuntimeException e) {
            LOG.error("WebSocket frame handling failed", e);
            sendClose(CloseCodes.INTERNAL_ERROR_1011, "Internal error");
            finish(new Message.Close(CloseCodes.INTERNAL_ERROR_1011, "Internal error", false));
        }
        return null;
    }

    private int readTimeout() {
        if (!closeSent) {
            return idleMillis;
        }
        long left = options.closeTimeout().toNanos() - (System.nanoTime() - closeSentNanos);
        return (int) Math.max(1, left / 1_000_000);
    }

    private void control(int opcode) throws IOException {
        int len = reader.remaining();
        reader.readPayload(control, 0, len, idleMillis);
        switch (opcode) {
            case Opcodes.PING -> sendControl(Opcodes.PONG, control, len);
            case Opcodes.PONG -> {
                // proves the peer alive; lastReceivedNanos is already updated
            }
            default -> peerClosed(len);
        }
    }

    private void peerClosed(int len) throws ProtocolViolation {
        int code = CloseCodes.NO_STATUS_RECEIVED;
        String reason = "";
        if (len == 1) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "Close frame of 1 byte");
        }
        if (len >= 2) {
            code = (control[0] & 0xFF) << 8 | control[1] & 0xFF;
            if (!CloseCodes.sendable(code)) {
                throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "Invalid close code " + code);
            }
            if (!Utf8Validator.valid(control, 2, len - 2)) {
                throw new ProtocolViolation(CloseCodes.INVALID_PAYLOAD_1007, "Close reason is not valid UTF-8");
            }
            reason = new String(control, 2, len - 2, StandardCharsets.UTF_8);
        }
        boolean peerStarted = !closeSent;
        if (peerStarted) {
            // Echo the peer's code, as RFC 6455 5.5.1 suggests; none when it sent none.
            writeClose(code == CloseCodes.NO_STATUS_RECEIVED ? -1 : code, "");
        }
        finish(new Message.Close(code, reason, peerStarted));
    }

    /** The connection is closed for reading: every receive from now on returns {@code close}. */
    private void finish(Message.Close close) {
        if (result == null) {
            result = close;
            owner.cancel(closeTimer);
        }
    }

    // ---- sending ----

    @Override
    public void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sendMessage(Opcodes.TEXT, bytes);
    }

    @Override
    public void send(byte[] data) throws IOException {
        sendMessage(Opcodes.BINARY, data);
    }

    private void sendMessage(int opcode, byte[] data) throws IOException {
        writeLock.lock();
        try {
            awaitNoStream();
            if (deflate != null && data.length >= MIN_COMPRESS) {
                byte[] compressed = deflate.compress(data, 0, data.length);
                writeFrame(true, true, opcode, compressed, deflate.compressedLength());
            } else {
                writeFrame(true, false, opcode, data, data.length);
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public OutputStream sendBinaryStream() throws IOException {
        return openStream(Opcodes.BINARY);
    }

    @Override
    public Writer sendTextStream() throws IOException {
        return new OutputStreamWriter(openStream(Opcodes.TEXT), StandardCharsets.UTF_8);
    }

    private MessageStream openStream(int opcode) throws IOException {
        writeLock.lock();
        try {
            awaitNoStream();
            streaming = new MessageStream(this, opcode);
            return streaming;
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends one fragment of {@code stream}'s message; the last one ends the stream. */
    void fragment(MessageStream stream, int opcode, boolean fin, byte[] b, int len) throws IOException {
        writeLock.lock();
        try {
            if (streaming != stream) {
                throw new IOException("The message stream is closed");
            }
            if (fin) {
                streaming = null;
                streamDone.signalAll();
            }
            checkWritable();
            writeFrame(fin, false, opcode, b, len);
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits until no streamed message is in progress, then checks the connection is writable; under writeLock. */
    private void awaitNoStream() throws IOException {
        while (streaming != null && !closeSent) {
            if (streaming.owner() == Thread.currentThread()) {
                throw new IllegalStateException("This thread's streamed message is still open: close it first");
            }
            try {
                streamDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted waiting for a streamed message to end");
            }
        }
        checkWritable();
    }

    private void checkWritable() throws IOException {
        if (closeSent || outputBroken) {
            throw new IOException("WebSocket is closed");
        }
    }

    @Override
    public void ping(byte[] payload) throws IOException {
        if (payload.length > Opcodes.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("Ping payload over 125 bytes: " + payload.length);
        }
        writeLock.lock();
        try {
            checkWritable();
            writeFrame(true, false, Opcodes.PING, payload, payload.length);
        } finally {
            writeLock.unlock();
        }
    }

    /** A keepalive ping, skipped when a send holds the lock (that write proves the client reachable). */
    void keepalivePing() {
        if (System.nanoTime() - lastReceivedNanos < options.pingInterval().toNanos() || !writeLock.tryLock()) {
            return;
        }
        try {
            if (!closeSent && !outputBroken) {
                writeFrame(true, false, Opcodes.PING, EMPTY, 0);
            }
        } catch (IOException e) {
            // recorded: the next read or send sees the broken connection
        } finally {
            writeLock.unlock();
        }
    }

    /** A pong (or other control frame) from the reading thread; a failed write shows up on the next read. */
    private void sendControl(int opcode, byte[] payload, int len) {
        writeLock.lock();
        try {
            if (!closeSent && !outputBroken) {
                writeFrame(true, false, opcode, payload, len);
            }
        } catch (IOException e) {
            // recorded: the next read sees the broken connection
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!CloseCodes.sendable(code)) {
            throw new IllegalArgumentException("Close code may not be sent: " + code);
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > Opcodes.MAX_CONTROL_PAYLOAD - 2) {
            throw new IllegalArgumentException("Close reason over 123 bytes of UTF-8");
        }
        sendClose(code, reason);
    }

    /** Sends the server's close frame once and starts the wait for the answer. */
    void sendClose(int code, String reason) {
        if (writeClose(code, reason) && result == null) {
            closeTimer = owner.schedule(this::closeTimedOut, options.closeTimeout().toNanos());
        }
    }

    /**
     * Writes a close frame unless one was written; {@code code} -1 for none.
     *
     * @return whether this call wrote it
     */
    private boolean writeClose(int code, String reason) {
        writeLock.lock();
        try {
            if (closeSent) {
                return false;
            }
            closeSent = true;
            closeSentNanos = System.nanoTime();
            streamDone.signalAll();
            if (outputBroken) {
                return true;
            }
            byte[] payload = EMPTY;
            if (code >= 0) {
                byte[] text = reason.getBytes(StandardCharsets.UTF_8);
                payload = new byte[2 + Math.min(text.length, Opcodes.MAX_CONTROL_PAYLOAD - 2)];
                payload[0] = (byte) (code >>> 8);
                payload[1] = (byte) code;
                System.arraycopy(text, 0, payload, 2, payload.length - 2);
            }
            writeFrame(true, false, Opcodes.CLOSE, payload, payload.length);
        } catch (IOException e) {
            // recorded: the session no longer waits for an answer it cannot get
        } finally {
            writeLock.unlock();
        }
        return true;
    }

    /** Runs on a timer thread when the peer did not answer the close frame in time. */
    private void closeTimedOut() {
        if (result != null) {
            return;
        }
        LOG.debug("WebSocket close handshake timed out");
        transport.close();
        if (handlerRunning && !receiving && Thread.currentThread() != handlerThread) {
            interruptedByTimer = true;
            handlerThread.interrupt();
        }
    }

    /** Writes and flushes one frame, recording a failure; the caller holds writeLock. */
    private void writeFrame(boolean fin, boolean rsv1, int opcode, byte[] payload, int len) throws IOException {
        try {
            writer.frame(fin, rsv1, opcode, payload, 0, len);
        } catch (IOException e) {
            outputFailed(e);
            throw e;
        }
    }

    private void outputFailed(IOException e) {
        if (!outputBroken) {
            LOG.debug("WebSocket write failed: {}", e.toString());
        }
        outputBroken = true;
    }

    @Override
    public boolean isOpen() {
        return !closeSent && !outputBroken && result == null;
    }

    // ---- lifecycle ----

    /** Starts the keepalive pings, if the route wants them. */
    void started() {
        long interval = options.pingInterval().toNanos();
        if (interval > 0) {
            pinger = owner.repeat(this, interval);
        }
    }

    /**
     * The handler returned or threw: closes with {@code 1000} or {@code 1011}, waits (up to
     * {@code closeTimeout}) for the peer's answer, and gives back what the session holds. On the
     * handler's thread.
     */
    void handlerReturned(Throwable failure) {
        handlerRunning = false;
        try {
            if (failure != null) {
                LOG.error("WebSocket handler failed", failure);
                sendClose(CloseCodes.INTERNAL_ERROR_1011, "Internal error");
            } else {
                sendClose(CloseCodes.NORMAL_1000, "");
            }
            if (!outputBroken) {
                awaitClose();
            }
        } finally {
            release();
            if (interruptedByTimer) {
                Thread.interrupted();
            }
        }
    }

    private void release() {
        owner.remove(this);
        owner.cancel(pinger);
        owner.cancel(closeTimer);
        writeLock.lock();
        try {
            closeSent = true; // nothing is written past this point, by any thread
            streamDone.signalAll();
            if (deflate != null) {
                deflate.release();
            }
        } finally {
            writeLock.unlock();
        }
        readLock.lock();
        try {
            finish(new Message.Close(CloseCodes.ABNORMAL_CLOSURE, "", false));
            if (!released) {
                released = true;
                reader.release();
            }
        } finally {
            readLock.unlock();
        }
    }

    // ---- the upgrade request ----

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }

    @Override
    public String path() {
        return upgrade.path();
    }

    @Override
    public String param(String name) {
        return upgrade.param(name);
    }

    @Override
    public String query(String name) {
        return upgrade.query(name);
    }

    @Override
    public String header(String name) {
        return upgrade.header(name);
    }

    @Override
    public <T> T attribute(String key) {
        return upgrade.attribute(key);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return upgrade.remoteAddress();
    }
}
