package dev.aurora.internal.websocket;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a browser page of {@code Origin} may open a WebSocket (RFC 6455 10.2): browsers
 * send cookies with the upgrade whatever page asks, so a route that trusts cookies must refuse
 * other sites. An empty list means the same origin as the request's {@code Host}; {@code *}
 * allows any. A request without {@code Origin} is not from a browser and passes. Any thread.
 */
final class OriginPolicy {
    private OriginPolicy() {
    }

    static boolean allows(List<String> allowed, String origin, String host, String scheme) {
        if (origin == null) {
            return true;
        }
        String o = stripSlash(origin.trim());
        if (allowed.isEmpty()) {
            return host != null && sameOrigin(o, host, scheme);
        }
        for (String a : allowed) {
            if (a.equals("*") || stripSlash(a).equalsIgnoreCase(o)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code origin}'s host and port are the request's {@code Host}, default ports filled in. */
    private static boolean sameOrigin(String origin, String host, String scheme) {
        URI uri;
        URI target;
        try {
            uri = new URI(origin);
            target = new URI(scheme + "://" + host);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || target.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        return uri.getHost().toLowerCase(Locale.ROOT).equals(target.getHost().toLowerCase(Locale.ROOT))
                && port(uri) == port(target);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "https", "wss" -> 443;
            default -> 80;
        };
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
