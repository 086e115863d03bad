package dev.aurora.sse;

import dev.aurora.Context;
import java.time.Duration;

/**
 * The sending side of one Server-Sent Events stream ({@link Context#sse(SseHandler)}). Safe to use
 * from any thread: each event is written and flushed whole under a lock, so events from several
 * threads never interleave. A send blocks while the client is slow to read, at most for the
 * server's {@code writeTimeout}.
 *
 * <p><b>Closing.</b> The stream closes when the handler returns, when {@link #close()} is called,
 * when the server stops, or when a write fails because the client went away. Idle streams send a
 * heartbeat comment every {@link #DEFAULT_HEARTBEAT} (see {@link #heartbeat(Duration)}), so a
 * vanished client is noticed even when there is nothing to say. Once closed, {@link #isOpen()} is
 * false, the {@link #onClose(Runnable)} callbacks have run (once, on the thread that closed it), and
 * every send is a no-op that returns {@code false}: a broadcaster can drop dead subscribers with
 * {@code subscribers.removeIf(e -> !e.send(data))}. Sends never throw for a closed or broken
 * stream.
 *
 * <p><b>Interrupts.</b> If the stream closes for any other reason than the handler itself returning
 * or calling {@link #close()}, the handler's thread is interrupted, so a handler blocked on a
 * queue, a lock or a sleep stops (a handler waiting in {@link #awaitClose()} simply returns). The
 * interrupt is cleared when the handler returns; it never reaches the next request.
 */
public interface SseEmitter extends AutoCloseable {
    /** The heartbeat interval of a new stream: 15 seconds. */
    Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    /**
     * Sends an event of the default type {@code message}.
     *
     * @param data the payload; every line ({@code \n}, {@code \r\n} or {@code \r} separated) becomes
     *     its own {@code data:} line, and the client joins them back with {@code \n}
     * @return whether the event was written; false if the stream is closed or the write failed
     */
    boolean send(String data);

    /**
     * Sends an event of type {@code event}: the client's {@code addEventListener(event, ...)} gets it.
     *
     * @param event the event type, a single line
     * @param data the payload, as for {@link #send(String)}
     * @return whether the event was written
     * @throws IllegalArgumentException if {@code event} spans lines
     */
    boolean send(String event, String data);

    /**
     * Sends an event with any of its fields: type, id, retry and data.
     *
     * @param event the event
     * @return whether the event was written
     */
    boolean send(SseEvent event);

    /**
     * Tells the client how long to wait before reconnecting after the stream ends (a lone
     * {@code retry:} field).
     *
     * @param delay the reconnection delay, sent in milliseconds
     * @return whether it was written
     */
    boolean retry(Duration delay);

    /**
     * Sends a comment: lines starting with {@code :}, which clients ignore. Useful to keep proxies
     * from timing out a quiet stream, or to annotate it for someone reading it with {@code curl}.
     *
     * @param text the comment; each line becomes its own comment line
     * @return whether it was written
     */
    boolean comment(String text);

    /**
     * Sets how often an idle stream sends a heartbeat comment; a stream that sent anything within
     * the interval sends none. Heartbeats are what detects a client that vanished while the stream
     * had nothing to say. Applies from now on.
     *
     * @param interval the interval; {@link Duration#ZERO} turns heartbeats off
     * @return this emitter
     * @throws IllegalArgumentException if the interval is negative or positive but under 1 ms
     */
    SseEmitter heartbeat(Duration interval);

    /**
     * {@return the request's {@code Last-Event-ID} header: the {@code id} of the last event a
     *     reconnecting client received, from which the stream can resume; {@code null} if none}
     */
    String lastEventId();

    /** {@return whether events can still be sent: false once the stream closed, for any reason} */
    boolean isOpen();

    /**
     * Registers a callback for when the stream closes, for any reason. It runs once, on the
     * thread that closed the stream (a sender's, the heartbeat's, the connection's, or the one
     * stopping the server); if the stream is already closed, it runs now, on the calling thread.
     * An exception it throws is logged and does not stop the other callbacks.
     *
     * @param callback what to run, e.g. removing this emitter from a broadcaster
     * @return this emitter
     */
    SseEmitter onClose(Runnable callback);

    /**
     * Blocks until the stream closes: the end of a handler that hands the emitter to other threads.
     * It returns when the client goes away, the server stops, or someone calls {@link #close()}.
     *
     * @throws InterruptedException if the thread is interrupted by something other than the stream
     *     closing (e.g. the {@code Timeout} middleware)
     */
    void awaitClose() throws InterruptedException;

    /**
     * Ends the stream: no more events are sent, the waiting handler (if any) returns, and the
     * response ends once the handler returns. Idempotent; any thread.
     */
    @Override
    void close();
}
