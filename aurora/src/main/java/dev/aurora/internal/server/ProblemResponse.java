package dev.aurora.internal.server;

import dev.aurora.internal.http.StatusLine;
import dev.aurora.internal.json.AppJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an error as an RFC 9457 problem ({@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and any extension members), or as
 * plain text when the client's {@code Accept} asks for text and not JSON. Runs on the connection's
 * virtual thread.
 */
final class ProblemResponse {
    private ProblemResponse() {
    }

    static void send(Exchange exchange, AppJson json, int status, String detail, Map<String, Object> extensions) {
        String title = StatusLine.reason(status);
        exchange.status(status);
        if (prefersText(exchange.header("Accept"))) {
            exchange.send(detail == null || detail.isEmpty() ? title : detail);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title.isEmpty() ? "Error " + status : title);
        problem.put("status", status);
        if (detail != null && !detail.isEmpty()) {
            problem.put("detail", detail);
        }
        problem.put("instance", exchange.path());
        extensions.forEach(problem::putIfAbsent);
        if (exchange.echoesRequestId()) {
            problem.putIfAbsent("requestId", exchange.requestId());
        }
        exchange.contentType("application/problem+json");
        exchange.json(problem);
    }

    /** True when {@code Accept} names text but no JSON (nor a wildcard that covers it). */
    static boolean prefersText(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        boolean json = a.contains("json") || a.contains("*/*") || a.contains("application/*");
        return !json && (a.contains("text/plain") || a.contains("text/*"));
    }
}
