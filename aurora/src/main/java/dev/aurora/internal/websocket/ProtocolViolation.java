package dev.aurora.internal.websocket;

import java.io.IOException;

/** The peer broke RFC 6455 (or a limit): the connection closes with {@link #code()}. Any thread. */
final class ProtocolViolation extends IOException {
    private final int code;

    ProtocolViolation(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
