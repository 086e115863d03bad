package dev.aurora.internal.server;

import dev.aurora.ExceptionHandler;
import dev.aurora.error.HttpException;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.json.AppJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a handler or middleware threw into a response.
 *
 * <ol>
 *   <li>This connection's own I/O failed (the client left, the body broke off): nobody is left to
 *       answer; the connection closes. Its own body read timed out: {@code 408}, close.</li>
 *   <li>An exception handler registered for the type, or the nearest supertype, answers.</li>
 *   <li>Otherwise an {@link HttpException} is answered with its status, message and details as
 *       a problem response; anything else is a {@code 500} that reveals nothing internal and is
 *       logged once, with its stack trace. That includes a handler's {@link StackOverflowError}
 *       and {@link OutOfMemoryError}; after the latter the connection closes.</li>
 * </ol>
 * If part of the response already left, no error can be written: the connection closes without
 * completing the response, so the client sees it is cut short.
 *
 * <p>Built at start; {@link #answer} runs on connection threads. The per-type lookup is cached in
 * a {@link ClassValue}, so it costs one map walk per exception class, ever.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final AppJson json;
    private final ClassValue<Optional<ExceptionHandler<Throwable>>> handlers;

    @SuppressWarnings("unchecked")
    Failures(Map<Class<? extends Throwable>, ExceptionHandler<?>> registered, AppJson json) {
        this.json = json;
        Map<Class<? extends Throwable>, ExceptionHandler<?>> copy = new LinkedHashMap<>(registered);
        this.handlers = new ClassValue<>() {
            @Override
            protected Optional<ExceptionHandler<Throwable>> computeValue(Class<?> type) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    ExceptionHandler<?> h = copy.get(c);
                    if (h != null) {
                        return Optional.of((ExceptionHandler<Throwable>) h);
                    }
                }
                return Optional.empty();
            }
        };
    }

    void answer(Exchange exchange, Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : failure;
        if (cause instanceof SocketTimeoutException && exchange.inputFailure(cause) != null) {
            exchange.counters().parseError(408);
            if (exchange.writer().resetForError(true)) {
                writeDefault(exchange, new ProtocolException(408, "Request body timed out"));
            }
            return;
        }
        if (cause instanceof IOException && exchange.connectionBroken()) {
            exchange.writer().abandon();
            if (LOG.isDebugEnabled()) {
                LOG.debug("Client connection failed during {} {}", exchange.method(), exchange.path(), cause);
            }
            return;
        }
        if (failure instanceof ProtocolException p) {
            exchange.counters().parseError(p.status());
        }
        // After an OutOfMemoryError the connection closes too: what the handler left half-built
        // (and the memory its connection holds) goes with it.
        boolean close = failure instanceof ProtocolException || failure instanceof OutOfMemoryError;
        if (!exchange.writer().resetForError(close)) {
            LOG.debug("Response already partly sent; closing the connection", failure);
            return;
        }
        respond(exchange, failure, close);
    }

    /**
     * Answers {@code failure} on a response that has not been committed: the handler registered
     * for its type, else the default. The built-in 404/405/400 answers come here directly, so the
     * headers middleware set before calling {@code next} stay on them.
     */
    void respond(Exchange exchange, Throwable failure, boolean close) {
        Optional<ExceptionHandler<Throwable>> handler = close ? Optional.empty() : handlers.get(failure.getClass());
        if (handler.isPresent()) {
            try {
                handler.get().handle(failure, exchange);
                return;
            } catch (Throwable second) {
                // An HttpException from the handler is its answer (a library's exception mapped to
                // a 503, say), not a failure of the handler.
                if (!(second instanceof HttpException)) {
                    LOG.error("Exception handler for {} failed", failure.getClass().getName(), second);
                }
                if (!exchange.writer().resetForError(close)) {
                    return;
                }
                writeDefault(exchange, second);
                return;
            }
        }
        writeDefault(exchange, failure);
    }

    private void writeDefault(Exchange exchange, Throwable cause) {
        if (cause instanceof HttpException http) {
            if (http.status() == 405 && exchange.allow() != null) {
                exchange.header("Allow", exchange.allow());
            }
            http.headers().forEach(exchange::header);
            ProblemResponse.send(exchange, json, http.status(), http.getMessage(), http.details());
            return;
        }
        String requestId = exchange.requestId();
        LOG.error("Request failed: {} {} (request id {})", exchange.method(), exchange.path(), requestId, cause);
        ProblemResponse.send(exchange, json, 500, null, Map.of("requestId", requestId));
    }
}
