package dev.aurora.test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The cookies a test client keeps between requests: name to value, from {@code Set-Cookie}
 * headers. {@code Max-Age=0} (or negative) deletes a cookie; {@code Path}, {@code Domain},
 * {@code Expires} and the other attributes are ignored (every cookie goes to every request).
 * Thread-safe.
 */
final class CookieJar {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Stores or deletes the cookies the response sets. */
    synchronized void update(TestResponse response) {
        for (String setCookie : response.headers("Set-Cookie")) {
            store(setCookie);
        }
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            if (attribute.toLowerCase(Locale.ROOT).startsWith("max-age=")) {
                try {
                    if (Long.parseLong(attribute.substring("max-age=".length()).strip()) <= 0) {
                        cookies.remove(name);
                        return;
                    }
                } catch (NumberFormatException ignored) {
                    // RFC 6265: an unparsable Max-Age is ignored
                }
            }
        }
        cookies.put(name, value);
    }

    /** @return the {@code Cookie} header value, or {@code null} if the jar is empty */
    synchronized String header() {
        if (cookies.isEmpty()) {
            return null;
        }
        StringJoiner joiner = new StringJoiner("; ");
        cookies.forEach((name, value) -> joiner.add(name + "=" + value));
        return joiner.toString();
    }

    /** @return an unmodifiable snapshot, in insertion order */
    synchronized Map<String, String> snapshot() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
    }

    synchronized void clear() {
        cookies.clear();
    }
}
