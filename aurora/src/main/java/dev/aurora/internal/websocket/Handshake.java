package dev.aurora.internal.websocket;

import dev.aurora.Context;
import dev.aurora.internal.server.ExchangeAccess;
import dev.aurora.websocket.WebSocketOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Checks an upgrade request (RFC 6455 4.2.1) and works out the {@code 101} answer: the
 * {@code Sec-WebSocket-Accept} value, the subprotocol and the extension. A request that is no
 * valid handshake gets an ordinary HTTP answer instead: {@code 426} with
 * {@code Sec-WebSocket-Version: 13} without {@code Upgrade: websocket} or with another version,
 * {@code 400} for an HTTP/1.0 request, a bad {@code Connection} or key, {@code 403} for an origin the route does not
 * allow. Runs on the connection's thread.
 */
final class Handshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int KEY_BYTES = 16;

    /** What to answer: a refusal when {@code status} is not 101. */
    record Outcome(int status, String message, String accept, String subprotocol, DeflateNegotiation deflate) {
        boolean accepted() {
            return status == 101;
        }
    }

    private Handshake() {
    }

    static Outcome check(Context ctx, WebSocketOptions options) {
        if (!"GET".equals(ctx.method()) || !hasToken(ctx.headers("Upgrade"), "websocket")) {
            return refuse(426, "This resource needs a WebSocket upgrade (GET with Upgrade: websocket)");
        }
        if (ExchangeAccess.request(ctx, "WebSocket").head().minorVersion() < 1) {
            // RFC 6455 4.1 and 4.2.1: the opening handshake is an HTTP/1.1 (or later) request.
            return refuse(400, "A WebSocket handshake needs HTTP/1.1; this request is HTTP/1.0");
        }
        if (!hasToken(ctx.headers("Connection"), "upgrade")) {
            return refuse(400, "A WebSocket handshake needs Connection: Upgrade");
        }
        List<String> versions = ctx.headers("Sec-WebSocket-Version");
        if (versions.size() != 1 || !"13".equals(versions.getFirst().trim())) {
            return refuse(426, "Unsupported Sec-WebSocket-Version; this server speaks 13");
        }
        List<String> keys = ctx.headers("Sec-WebSocket-Key");
        if (keys.size() != 1 || !validKey(keys.getFirst().trim())) {
            return refuse(400, "Sec-WebSocket-Key must be 16 bytes in base64");
        }
        if (!OriginPolicy.allows(options.origins(), ctx.header("Origin"), ctx.host(), ctx.scheme())) {
            return refuse(403, "Origin not allowed");
        }
        String subprotocol = chooseSubprotocol(options.subprotocols(), ctx.headers("Sec-WebSocket-Protocol"));
        DeflateNegotiation deflate = options.perMessageDeflate()
                ? DeflateNegotiation.negotiate(ctx.headers("Sec-WebSocket-Extensions")) : null;
        return new Outcome(101, null, accept(keys.getFirst().trim()), subprotocol, deflate);
    }

    private static Outcome refuse(int status, String message) {
        return new Outcome(status, message, null, null, null);
    }

    /** The {@code Sec-WebSocket-Accept} for {@code key}: base64(SHA-1(key + GUID)). */
    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    private static boolean validKey(String key) {
        // 16 bytes are 24 base64 characters ending in "==".
        if (key.length() != 24 || !key.endsWith("==")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The server's most preferred subprotocol that the client offered, or null. */
    static String chooseSubprotocol(List<String> preferred, List<String> offeredFields) {
        for (String p : preferred) {
            for (String field : offeredFields) {
                for (String offered : field.split(",")) {
                    if (offered.trim().equals(p)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** Whether a comma-separated header holds {@code token}, any case. */
    private static boolean hasToken(List<String> fields, String token) {
        for (String field : fields) {
            for (String t : field.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
