package dev.aurora.internal.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.Context;
import dev.aurora.error.BadRequestException;
import dev.aurora.sse.SseHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory {@link Context} for binding tests: the request comes from maps filled with the
 * {@code withX} methods, and the response is recorded (status, text, JSON value, headers)
 * instead of written. Like the real context it refuses a second response. One test thread.
 */
final class FakeContext implements Context {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> params = new HashMap<>();
    private final Map<String, List<String>> queries = new LinkedHashMap<>();
    private final Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private boolean nullBody;
    private int status = 200;
    private boolean sent;
    private String text;
    private Object json;
    private boolean jsonSent;
    private int statusCalls;

    FakeContext withParam(String name, String value) {
        params.put(name, value);
        return this;
    }

    FakeContext withQuery(String name, String value) {
        queries.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    FakeContext withHeader(String name, String value) {
        requestHeaders.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    FakeContext withBody(String json) {
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Makes {@link #bodyAs(Type)} return null, as a context may for a missing body. */
    FakeContext withNullBody() {
        nullBody = true;
        return this;
    }

    /** @return the text passed to {@link #send(String)}, or null */
    String text() {
        return text;
    }

    /** @return the value passed to {@link #json(Object)}, or null */
    Object json() {
        return json;
    }

    /** @return whether {@link #json(Object)} was called (its value may be null) */
    boolean jsonSent() {
        return jsonSent;
    }

    /** @return whether any response body was sent */
    boolean sent() {
        return sent;
    }

    /** @return how many times {@link #status(int)} was called */
    int statusCalls() {
        return statusCalls;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public String routePattern() {
        return null;
    }

    @Override
    public String param(String name) {
        return params.get(name);
    }

    @Override
    public String query(String name) {
        List<String> values = queries.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public List<String> queries(String name) {
        return queries.getOrDefault(name, List.of());
    }

    @Override
    public String cookie(String name) {
        return null;
    }

    @Override
    public String requestId() {
        return "fake-request";
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public String host() {
        return header("Host");
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return (T) attributes.get(key);
    }

    @Override
    public Context attribute(String key, Object value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
        return this;
    }

    @Override
    public String header(String name) {
        List<String> values = requestHeaders.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public List<String> headers(String name) {
        return requestHeaders.getOrDefault(name, List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        return bodyAs((Type) type);
    }

    @Override
    public <T> T bodyAs(Type type) {
        if (nullBody) {
            return null;
        }
        try {
            return MAPPER.readValue(body, MAPPER.getTypeFactory().constructType(type));
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Malformed JSON body");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public dev.aurora.form.Form form() {
        try {
            return dev.aurora.internal.form.ReceivedForm.read(formStream(), dev.aurora.FormConfig.defaults());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public dev.aurora.form.FormStream formStream() {
        return dev.aurora.internal.form.FormReading.open(header("Content-Type"), method(), bodyStream(),
                dev.aurora.FormConfig.defaults());
    }

    @Override
    public Context status(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("status must be 200-599: " + code);
        }
        statusCalls++;
        status = code;
        return this;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Context header(String name, String value) {
        responseHeaders.put(name, value);
        return this;
    }

    @Override
    public Context setHeader(String name, String value) {
        return header(name, value);
    }

    @Override
    public Context removeHeader(String name) {
        responseHeaders.remove(name);
        return this;
    }

    @Override
    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    @Override
    public void send(String body) {
        markSent();
        text = body;
    }

    @Override
    public void send(byte[] body) {
        markSent();
    }

    @Override
    public void json(Object value) {
        markSent();
        json = value;
        jsonSent = true;
    }

    @Override
    public OutputStream outputStream() {
        markSent();
        return new ByteArrayOutputStream();
    }

    @Override
    public void sse(SseHandler handler) {
        throw new UnsupportedOperationException("no event streams in this fake");
    }

    private void markSent() {
        if (sent) {
            throw new IllegalStateException("Response already sent");
        }
        sent = true;
    }
}
