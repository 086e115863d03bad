package dev.aurora.test;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cookies a test client keeps between requests, from {@code Set-Cookie} headers, following the
 * parts of RFC 6265 that matter for one host: a cookie is identified by name and path; it is sent
 * only to request paths that path-match its {@code Path} (default: the directory of the request
 * that set it, RFC 6265 section 5.1.4), longest path first; {@code Max-Age <= 0} or an
 * {@code Expires} in the past deletes it. {@code Domain} and {@code Secure} are ignored: the test
 * server is a single host, and browsers treat {@code localhost} as secure. Thread-safe.
 */
final class CookieJar {
    private record Stored(String name, String path, String value) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Stored> cookies = new ArrayList<>();

    /** Stores or deletes the cookies {@code response} sets for a request to {@code requestPath}. */
    void update(String requestPath, TestResponse response) {
        lock.lock();
        try {
            for (String setCookie : response.headers("Set-Cookie")) {
                store(requestPath, setCookie);
            }
        } finally {
            lock.unlock();
        }
    }

    private void store(String requestPath, String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return; // RFC 6265 5.2: no name, ignore the whole header
        }
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        String path = null;
        Boolean expired = null; // Max-Age wins over Expires (5.3 step 3)
        boolean expiredByDate = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            int at = attribute.indexOf('=');
            String key = (at < 0 ? attribute : attribute.substring(0, at)).strip().toLowerCase(Locale.ROOT);
            String arg = at < 0 ? "" : attribute.substring(at + 1).strip();
            switch (key) {
                case "max-age" -> {
                    try {
                        expired = Long.parseLong(arg) <= 0;
                    } catch (NumberFormatException ignored) {
                        // 5.2.2: an unparsable Max-Age is ignored
                    }
                }
                case "expires" -> expiredByDate = isPast(arg);
                case "path" -> path = arg.startsWith("/") ? arg : null; // 5.2.4: else the default path
                default -> {
                    // Domain, Secure, HttpOnly, SameSite: no effect on a single-host client
                }
            }
        }
        String cookiePath = path != null ? path : defaultPath(requestPath);
        boolean delete = expired != null ? expired : expiredByDate;
        for (int i = 0; i < cookies.size(); i++) {
            Stored old = cookies.get(i);
            if (old.name.equals(name) && old.path.equals(cookiePath)) {
                // 5.3 step 11: a replaced cookie keeps its creation order
                if (delete) {
                    cookies.remove(i);
                } else {
                    cookies.set(i, new Stored(name, cookiePath, value));
                }
                return;
            }
        }
        if (!delete) {
            cookies.add(new Stored(name, cookiePath, value));
        }
    }

    private static boolean isPast(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).isBefore(ZonedDateTime.now());
        } catch (DateTimeParseException ignored) {
            return false; // an unparsable date is ignored
        }
    }

    /** RFC 6265 5.1.4: up to, not including, the last '/', or "/" if that leaves nothing. */
    static String defaultPath(String requestPath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        int slash = path.lastIndexOf('/');
        return !path.startsWith("/") || slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** RFC 6265 5.1.4 path-match. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        if (path.equals(cookiePath)) {
            return true;
        }
        return path.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/');
    }

    /** @return the {@code Cookie} header value for a request to {@code requestPath}, or {@code null} if none applies */
    String header(String requestPath) {
        lock.lock();
        try {
            StringJoiner joiner = new StringJoiner("; ");
            // 5.4: longer paths first; equal lengths keep the order they were set in (stable sort)
            cookies.stream()
                    .filter(c -> pathMatches(requestPath, c.path))
                    .sorted(Comparator.comparingInt((Stored c) -> c.path.length()).reversed())
                    .forEach(c -> joiner.add(c.name + "=" + c.value));
            return joiner.length() == 0 ? null : joiner.toString();
        } finally {
            lock.unlock();
        }
    }

    /** @return name to value, in the order set; for a name stored under several paths, the last one set */
    Map<String, String> snapshot() {
        lock.lock();
        try {
            Map<String, String> view = new LinkedHashMap<>();
            cookies.forEach(c -> view.put(c.name, c.value));
            return Collections.unmodifiableMap(view);
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            cookies.clear();
        } finally {
            lock.unlock();
        }
    }
}
