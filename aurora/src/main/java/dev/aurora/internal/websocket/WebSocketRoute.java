package dev.aurora.internal.websocket;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.server.ExchangeAccess;
import dev.aurora.internal.server.Takeover;
import dev.aurora.websocket.WebSocketHandler;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.util.Objects;

/**
 * The route handler behind {@code app.ws(...)}: it runs after the route's middleware, so
 * authentication and other checks can answer the upgrade request like any other. It checks the
 * handshake, answers {@code 101} and takes the connection over from HTTP: once the handler chain
 * has returned and the connection gave its HTTP workspace back, the WebSocket handler runs on the
 * same (the connection's) virtual thread, over the same transport, until it returns; the
 * connection then closes.
 */
public final class WebSocketRoute {
    private WebSocketRoute() {
    }

    /** The HTTP handler that upgrades requests to {@code handler}. */
    public static Handler handler(WebSocketOptions options, WebSocketHandler handler) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, "handler");
        return ctx -> upgrade(ctx, options, handler);
    }

    private static void upgrade(Context ctx, WebSocketOptions options, WebSocketHandler handler) throws IOException {
        Handshake.Outcome outcome = Handshake.check(ctx, options);
        if (!outcome.accepted()) {
            ctx.status(outcome.status());
            if (outcome.status() == 426) {
                ctx.header("Sec-WebSocket-Version", "13");
            }
            ctx.send(outcome.message());
            return;
        }
        OutputBuffer out = ExchangeAccess.takeOver(ctx, "WebSocket", takeover -> serve(takeover, options, handler, outcome));
        writeSwitchingProtocols(out, outcome);
    }

    /** Runs the session, once the connection has switched protocols; on the connection's thread. */
    private static void serve(Takeover takeover, WebSocketOptions options, WebSocketHandler handler,
            Handshake.Outcome outcome) {
        WebSocketSession session = new WebSocketSession(options, takeover, outcome);
        takeover.websockets().register(session);
        session.started();
        Throwable failure = null;
        try {
            handler.handle(session);
        } catch (Throwable t) {
            failure = t;
        } finally {
            session.handlerReturned(failure);
        }
        if (failure instanceof Error e && !(e instanceof StackOverflowError || e instanceof OutOfMemoryError)) {
            throw e;
        }
    }

    private static void writeSwitchingProtocols(OutputBuffer out, Handshake.Outcome outcome) throws IOException {
        StringBuilder head = new StringBuilder(160)
                .append("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(outcome.accept()).append("\r\n");
        if (outcome.subprotocol() != null) {
            head.append("Sec-WebSocket-Protocol: ").append(outcome.subprotocol()).append("\r\n");
        }
        if (outcome.deflate() != null) {
            head.append("Sec-WebSocket-Extensions: ").append(outcome.deflate().response()).append("\r\n");
        }
        out.writeLatin1(head.append("\r\n").toString());
        out.flush();
    }
}
