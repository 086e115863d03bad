package dev.aurora.internal.http;

import dev.aurora.error.HttpException;
import java.util.Map;

/**
 * A request that breaks HTTP/1.1 framing or a server limit. The connection can no longer be trusted
 * to be in sync with the client, so it is answered with {@link #status()} and closed. Carries no
 * stack trace: it is a verdict on the input, not a bug, and it is thrown on hostile traffic.
 */
public final class ProtocolException extends HttpException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(int status, String message) {
        super(status, message, Map.of(), false);
    }
}
