package dev.aurora.websocket;

/**
 * The close status codes of RFC 6455 section 7.4.1 that Aurora sends or reports. Codes
 * 3000-4999 are free for libraries and applications; {@link WebSocket#close(int, String)} accepts
 * those and the defined ones a server may send.
 */
public final class CloseCodes {
    /** 1000: the purpose of the connection was fulfilled. */
    public static final int NORMAL_1000 = 1000;
    /** 1001: the server is stopping (or the peer is going away, such as a page being left). */
    public static final int GOING_AWAY_1001 = 1001;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR_1002 = 1002;
    /** 1003: a message of a type the endpoint does not accept. */
    public static final int UNSUPPORTED_DATA_1003 = 1003;
    /** 1005: reported when a close frame had no code; never sent. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** 1006: reported when the connection ended without a close frame; never sent. */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** 1007: a text message was not valid UTF-8. */
    public static final int INVALID_PAYLOAD_1007 = 1007;
    /** 1008: a message broke the endpoint's policy. */
    public static final int POLICY_VIOLATION_1008 = 1008;
    /** 1009: a frame or message exceeded the size limit. */
    public static final int MESSAGE_TOO_BIG_1009 = 1009;
    /** 1011: the server failed (the handler threw). */
    public static final int INTERNAL_ERROR_1011 = 1011;

    private CloseCodes() {
    }

    /**
     * Whether {@code code} may appear in a close frame on the wire (RFC 6455 7.4): 1000-1003,
     * 1007-1011, 1012-1014 (registered since), 3000-4999.
     *
     * @param code a close code
     * @return whether it may be sent
     */
    public static boolean sendable(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }
}
