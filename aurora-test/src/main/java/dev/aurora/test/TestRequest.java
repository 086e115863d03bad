package dev.aurora.test;

import dev.aurora.Aurora;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * A request being built by a test client; {@link #send()} serializes it as HTTP/1.1 bytes (request
 * line, {@code Host: localhost}, the headers, {@code Content-Type} and {@code Content-Length} when
 * there is a body, the cookies, and {@code Connection: close} unless it goes over a
 * {@link TestConnection} or sets its own {@code Connection} header) and returns the response.
 * Header names and values must not contain CR or LF; use {@link AuroraTestClient#raw(String)} for
 * malformed input. Not thread-safe: build and send on one thread.
 */
public final class TestRequest {
    private final RequestSender sender;
    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>();
    private final StringJoiner query = new StringJoiner("&");
    private byte[] body;
    private String contentType;

    TestRequest(RequestSender sender, String method, String path) {
        this.sender = sender;
        this.method = checkToken(Objects.requireNonNull(method, "method"));
        this.path = checkText(Objects.requireNonNull(path, "path"));
        if (path.contains(" ")) {
            throw new IllegalArgumentException("Path must not contain spaces (percent-encode them): " + path);
        }
    }

    /**
     * Adds a header field (repeatable: each call adds one line).
     *
     * @param name the field name
     * @param value the field value
     * @return this request
     */
    public TestRequest header(String name, String value) {
        headers.add(new String[] {checkToken(name), checkText(Objects.requireNonNull(value, "value"))});
        return this;
    }

    /**
     * Adds a query parameter, percent-encoded as UTF-8 (a space becomes {@code %20}).
     *
     * @param name the parameter name
     * @param value the parameter value
     * @return this request
     */
    public TestRequest query(String name, String value) {
        query.add(encode(name).replace("+", "%20") + "=" + encode(value).replace("+", "%20"));
        return this;
    }

    /**
     * Sets the body to {@code value} written as JSON with the application's codec ({@link
     * Aurora#jsonCodec()}), with {@code Content-Type: application/json}.
     *
     * @param value the value to write
     * @return this request
     */
    public TestRequest json(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sender.json().get().write(value, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + value, e);
        }
        return body(out.toByteArray(), "application/json");
    }

    /**
     * Sets the body to these bytes.
     *
     * @param bytes the body
     * @param contentType its media type; {@code null} sends no {@code Content-Type}
     * @return this request
     */
    public TestRequest body(byte[] bytes, String contentType) {
        this.body = Objects.requireNonNull(bytes, "bytes").clone();
        this.contentType = contentType == null ? null : checkText(contentType);
        return this;
    }

    /**
     * Sets the body to this text.
     *
     * @param text the body, sent as UTF-8
     * @param contentType its media type; {@code null} sends no {@code Content-Type}
     * @return this request
     */
    public TestRequest body(String text, String contentType) {
        return body(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * Sets the body to the fields, {@code application/x-www-form-urlencoded} (UTF-8), in the map's
     * iteration order.
     *
     * @param fields the form fields
     * @return this request
     */
    public TestRequest form(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return body(joiner.toString(), "application/x-www-form-urlencoded");
    }

    /**
     * Sets the body to a {@code multipart/form-data} form, with its boundary in {@code Content-Type}.
     *
     * @param form the parts
     * @return this request
     */
    public TestRequest multipart(Multipart form) {
        return body(form.toBytes(), form.contentType());
    }

    /**
     * Sends the request (on a connection of its own, or on the {@link TestConnection} that made
     * it), stores the response's cookies in the client's jar and returns the response.
     *
     * @return the response
     * @throws IllegalArgumentException if the server's answer is not exactly one well-framed response
     */
    public TestResponse send() {
        return sender.send(this);
    }

    /**
     * Sends the request again and again until the response satisfies {@code condition}, for up to
     * {@link Eventually#DEFAULT_TIMEOUT}: for effects that show over HTTP later (a job finishing, a
     * health check turning red). Each attempt is a new request; cookies are kept as for
     * {@link #send()}.
     *
     * @param condition what the response must satisfy
     * @return the first response that does
     * @throws AssertionError showing the last response if none does in time
     */
    public TestResponse sendUntil(Predicate<? super TestResponse> condition) {
        return sendUntil(Eventually.DEFAULT_TIMEOUT, condition);
    }

    /**
     * Like {@link #sendUntil(Predicate)}, waiting up to {@code timeout}.
     *
     * @param timeout how long to keep trying
     * @param condition what the response must satisfy
     * @return the first response that does
     * @throws AssertionError showing the last response if none does in time
     */
    public TestResponse sendUntil(Duration timeout, Predicate<? super TestResponse> condition) {
        return Eventually.until(timeout, this::send, condition, "a response to " + method + " " + target() + " to match");
    }

    /**
     * Serializes the request with the given {@code Cookie} header value.
     *
     * @param cookieHeader the jar's cookies, or {@code null}
     * @return the request bytes
     */
    byte[] toBytes(String cookieHeader) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target()).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\n");
        boolean userCookie = false;
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            userCookie |= h[0].equalsIgnoreCase("Cookie");
        }
        if (body != null) {
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (cookieHeader != null && !userCookie) {
            head.append("Cookie: ").append(cookieHeader).append("\r\n");
        }
        boolean userConnection = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Connection"));
        if (!sender.keepAlive() && !userConnection) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** @return the path as given (it may hold a query), for cookie path matching */
    String path() {
        return path;
    }

    /** @return whether this is a {@code HEAD} request (its response has no body) */
    boolean isHead() {
        return method.equals("HEAD");
    }

    private String target() {
        if (query.length() == 0) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(Objects.requireNonNull(s), StandardCharsets.UTF_8);
    }

    private static String checkToken(String token) {
        if (token.isEmpty() || !token.chars().allMatch(c -> c > ' ' && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("Not an HTTP token: '" + token + "'");
        }
        return token;
    }

    private static String checkText(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("CR or LF not allowed (use raw mode): " + text);
        }
        return text;
    }
}
