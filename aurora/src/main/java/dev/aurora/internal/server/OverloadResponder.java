package dev.aurora.internal.server;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.ErrorResponse;
import dev.aurora.internal.http.OutputBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers connections beyond {@code maxConnections} (and those refused under heap pressure) with a
 * fast {@code 503} carrying {@code Retry-After: 1}, then closes them so that the client reads the
 * answer: half-close, read and drop what the client sent for up to a second, close. A reset before
 * the client has read the 503 would lose it.
 *
 * <p>One platform thread with a selector does this for every refused connection, so a burst of any
 * size costs one thread and a few hundred bytes per connection in its linger second. Each lingering
 * refusal also holds a file descriptor, so their number is bounded by {@link #lingeringLimit}, derived
 * from the process's descriptor limit and {@code maxConnections}; past that bound a connection is
 * answered and closed at once (it may then see a reset instead of the 503). The thread starts on the first refusal, so a server
 * that is never overloaded has none. Called on acceptor threads.
 */
final class OverloadResponder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OverloadResponder.class);
    /** The lingering bound when the descriptor limit cannot be read. */
    static final int DEFAULT_LINGERING = 16_384;
    private static final int MIN_LINGERING = 256;
    private static final int MAX_LINGERING = 65_536;
    /** Refused connections handed over but not yet taken up by the responder thread. */
    private static final int HANDOFF = 4_096;
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Lingers are checked this often, not on every wake-up, which would be quadratic in a burst. */
    private static final long EXPIRE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final byte[] RETRY_AFTER = Ascii.bytes("Retry-After: 1\r\n");
    /** Reads of what a refused client sends, per readiness event, so one client cannot hold the thread. */
    private static final int MAX_READS_PER_EVENT = 16;

    private final String name;
    private final int maxConnections;
    /** Refused connections being answered or lingering at once, at most; set when the thread starts. */
    private int maxLingering;
    private final ArrayBlockingQueue<SocketChannel> handoff = new ArrayBlockingQueue<>(HANDOFF);
    private final ReentrantLock startLock = new ReentrantLock();
    private final ByteBuffer discard = ByteBuffer.allocateDirect(4096);
    private volatile Selector selector;
    private volatile boolean closed;

    /**
     * @param name the responder thread's name
     * @param maxConnections the server's limit, from which the lingering bound is derived
     */
    OverloadResponder(String name, int maxConnections) {
        this.name = name;
        this.maxConnections = maxConnections;
    }

    /**
     * How many refusals may linger at once: half of the descriptors that admitted connections
     * cannot use, so a burst of refusals never takes the descriptors the application needs for
     * its files, database and outbound connections; within 256 and 65,536.
     *
     * @param maxDescriptors the process's descriptor limit, or a negative number when unknown
     */
    static int lingeringLimit(long maxDescriptors, int maxConnections) {
        if (maxDescriptors < 0) {
            return DEFAULT_LINGERING;
        }
        return (int) Math.clamp((maxDescriptors - maxConnections) / 2, MIN_LINGERING, MAX_LINGERING);
    }

    /** {@link #lingeringLimit(long, int)} for this process; read on first refusal, not at start. */
    static int lingeringLimit(int maxConnections) {
        long max;
        try {
            max = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                    ? unix.getMaxFileDescriptorCount() : -1;
        } catch (LinkageError | RuntimeException e) {
            // an image without jdk.management
            max = -1;
        }
        return lingeringLimit(max, maxConnections);
    }

    /** Built per refusal, not once, as it carries the current {@code Date}. */
    private static ByteBuffer answer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            OutputBuffer out = new OutputBuffer(bytes, 256);
            ErrorResponse.write(out, 503, "Service Unavailable", RETRY_AFTER);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    /** Answers {@code socket} with the 503 and closes it, soon, on the responder thread. */
    void reject(Socket socket) {
        SocketChannel channel = socket.getChannel();
        Selector s = channel == null || closed ? null : selector();
        if (s == null || !handoff.offer(channel)) {
            answerAndClose(channel, socket);
            return;
        }
        s.wakeup();
    }

    private Selector selector() {
        Selector s = selector;
        if (s != null) {
            return s;
        }
        startLock.lock();
        try {
            if (selector == null && !closed) {
                maxLingering = lingeringLimit(maxConnections);
                Selector fresh = Selector.open();
                Thread.ofPlatform().name(name).daemon(true).start(() -> run(fresh));
                selector = fresh;
            }
            return selector;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            LOG.warn("Cannot start the overload responder; refusing without lingering", e);
            return null;
        } finally {
            startLock.unlock();
        }
    }

    /** Best effort on the caller's thread: a fresh socket's send buffer takes the answer at once. */
    private static void answerAndClose(SocketChannel channel, Socket socket) {
        try {
            if (channel != null) {
                channel.configureBlocking(false);
                channel.write(answer());
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway
        } finally {
            SocketTransport.closeQuietly(socket);
        }
    }

    private void run(Selector s) {
        long lastExpiry = System.nanoTime();
        try {
            while (!closed) {
                s.select(100);
                long now = System.nanoTime();
                takeUp(s, now);
                serveReady(s);
                if (now - lastExpiry >= EXPIRE_EVERY_NANOS) {
                    expire(s, now);
                    lastExpiry = now;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.warn("Overload responder stopped", e);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("Overload responder failed", e);
        } finally {
            closed = true;
            closeAll(s);
        }
    }

    /** Writes the answer to each handed-over connection, half-closes it and starts its linger. */
    private void takeUp(Selector s, long now) {
        SocketChannel channel;
        while ((channel = handoff.poll()) != null) {
            if (s.keys().size() >= maxLingering) {
                answerAndClose(channel, channel.socket());
                continue;
            }
            try {
                channel.configureBlocking(false);
                ByteBuffer out = answer();
                channel.write(out);
                Linger linger = new Linger(now + LINGER_NANOS, out);
                if (!out.hasRemaining()) {
                    channel.shutdownOutput();
                    channel.register(s, SelectionKey.OP_READ, linger);
                } else {
                    channel.register(s, SelectionKey.OP_WRITE, linger);
                }
            } catch (IOException | RuntimeException e) {
                SocketTransport.closeQuietly(channel.socket());
            }
        }
    }

    private void serveReady(Selector s) {
        Iterator<SelectionKey> ready = s.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            SocketChannel channel = (SocketChannel) key.channel();
            Linger linger = (Linger) key.attachment();
            try {
                if (key.isValid() && key.isWritable()) {
                    channel.write(linger.answer);
                    if (!linger.answer.hasRemaining()) {
                        channel.shutdownOutput();
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if (key.isValid() && key.isReadable() && drain(channel)) {
                    close(key);
                }
            } catch (IOException | RuntimeException e) {
                close(key);
            }
        }
    }

    /** Reads and drops what is there (a bounded amount); true once the client has closed its side. */
    private boolean drain(SocketChannel channel) throws IOException {
        int n;
        int reads = 0;
        do {
            discard.clear();
            n = channel.read(discard);
        } while (n > 0 && ++reads < MAX_READS_PER_EVENT);
        return n < 0;
    }

    private static void expire(Selector s, long now) {
        for (SelectionKey key : s.keys()) {
            if (key.attachment() instanceof Linger linger && now - linger.deadline >= 0) {
                close(key);
            }
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        SocketTransport.closeQuietly(((SocketChannel) key.channel()).socket());
    }

    private void closeAll(Selector s) {
        try {
            for (SelectionKey key : s.keys()) {
                close(key);
            }
            s.close();
        } catch (IOException | ClosedSelectorException e) {
            // already closed
        }
        SocketChannel channel;
        while ((channel = handoff.poll()) != null) {
            SocketTransport.closeQuietly(channel.socket());
        }
    }

    /** Stops the responder thread; lingering connections are closed. */
    @Override
    public void close() {
        closed = true;
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    /** A refused connection's linger: until when, and what of the answer is still to write. */
    private record Linger(long deadline, ByteBuffer answer) {
    }
}
