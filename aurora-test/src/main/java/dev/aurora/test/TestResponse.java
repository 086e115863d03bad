package dev.aurora.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aurora.json.JacksonCodec;
import dev.aurora.json.JsonCodec;
import dev.aurora.json.JsonReadException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One parsed HTTP response, with accessors and fluent assertions. Assertion failures throw
 * {@link AssertionError} whose message contains the whole response (status line, headers and the
 * body text, truncated to {@value #MAX_BODY_IN_MESSAGE} characters), so a failing test shows what
 * the server answered. Immutable; any thread.
 */
public final class TestResponse {
    /** How many characters of the body a failure message shows at most. */
    public static final int MAX_BODY_IN_MESSAGE = 4096;

    private final String version;
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final JsonCodec json;

    /**
     * A response as read from the wire.
     *
     * @param version the protocol version of the status line, e.g. {@code HTTP/1.1}
     * @param status the status code
     * @param reason the reason phrase, possibly empty
     * @param headers the header fields in the order received
     * @param body the decoded body (de-chunked); empty if none
     */
    public TestResponse(String version, int status, String reason, List<Map.Entry<String, String>> headers,
            byte[] body) {
        this.version = Objects.requireNonNull(version, "version");
        this.status = status;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.headers = List.copyOf(headers);
        this.body = body.clone();
        this.json = JacksonCodec.defaults();
    }

    private TestResponse(TestResponse response, JsonCodec json) {
        this.version = response.version;
        this.status = response.status;
        this.reason = response.reason;
        this.headers = response.headers;
        this.body = response.body;
        this.json = json;
    }

    /** @return this response, reading its JSON with {@code codec} (the application's) */
    TestResponse readingJsonWith(JsonCodec codec) {
        return codec == json ? this : new TestResponse(this, codec);
    }

    /** {@return the status code} */
    public int status() {
        return status;
    }

    /** {@return the status line without CRLF, e.g. {@code HTTP/1.1 200 OK}} */
    public String statusLine() {
        return reason.isEmpty() ? version + " " + status : version + " " + status + " " + reason;
    }

    /**
     * {@return the first value of that header, or {@code null} if absent}
     *
     * @param name a header name, compared case-insensitively
     */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /**
     * {@return every value of that header in the order received; empty if absent}
     *
     * @param name a header name, compared case-insensitively
     */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        }
        return List.copyOf(values);
    }

    /**
     * {@return whether a {@code Connection} header lists the {@code close} option (case-insensitive),
     *     i.e. the server closes the connection after this response}
     */
    public boolean closesConnection() {
        for (String value : headers("Connection")) {
            for (String option : value.split(",")) {
                if (option.strip().equalsIgnoreCase("close")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@return every header field (name as received, value) in the order received} */
    public List<Map.Entry<String, String>> headerFields() {
        return headers;
    }

    /** {@return a copy of the body bytes; empty if there is none} */
    public byte[] body() {
        return body.clone();
    }

    /** {@return the body decoded as UTF-8} */
    public String bodyString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * {@return the body read with the application's JSON codec ({@link dev.aurora.Aurora#jsonCodec()})}
     *
     * @param type the type to read the JSON body as
     * @param <T> that type
     * @throws IllegalStateException if the body is not JSON of that shape (message includes the response)
     */
    public <T> T json(Class<T> type) {
        return json(type, type.getName());
    }

    /**
     * {@return the body read with the application's JSON codec ({@link dev.aurora.Aurora#jsonCodec()})}
     *
     * @param type the (generic) type to read the JSON body as
     * @param <T> that type
     * @throws IllegalStateException if the body is not JSON of that shape (message includes the response)
     */
    public <T> T json(TypeReference<T> type) {
        return json(type.getType(), type.getType().getTypeName());
    }

    private <T> T json(Type type, String name) {
        try {
            return json.read(body, type);
        } catch (JsonReadException e) {
            String at = e.pointer().isEmpty() ? "" : " at " + e.pointer();
            throw new IllegalStateException("Body is not JSON as " + name + ": " + e.getMessage() + at
                    + "\n" + describe(), e);
        }
    }

    /**
     * Reads the body as an RFC 9457 problem; members other than {@code type}, {@code title},
     * {@code status}, {@code detail} and {@code instance} become {@link Problem#extensions()}.
     *
     * @return the problem
     * @throws IllegalStateException if the body is not a JSON object (message includes the response)
     */
    public Problem problem() {
        // Aurora's own format, read as plain maps: the application's codec and its read limits are for its types.
        Map<String, Object> members;
        try {
            members = Json.MAPPER.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("Body is not a JSON object: " + e.getMessage() + "\n" + describe(), e);
        }
        String type = string(members.remove("type"));
        String title = string(members.remove("title"));
        Object statusMember = members.remove("status");
        String detail = string(members.remove("detail"));
        String instance = string(members.remove("instance"));
        int problemStatus = statusMember instanceof Number n ? n.intValue() : 0;
        return new Problem(type, title, problemStatus, detail, instance, members);
    }

    /**
     * Asserts the status code.
     *
     * @param expected the expected status code
     * @return this response
     * @throws AssertionError if the status differs
     */
    public TestResponse assertStatus(int expected) {
        if (status != expected) {
            throw failure("Expected status " + expected + " but was " + status);
        }
        return this;
    }

    /**
     * Asserts the first value of a header.
     *
     * @param name a header name, compared case-insensitively
     * @param expected the expected first value; {@code null} asserts that the header is absent
     * @return this response
     * @throws AssertionError if the header's first value differs
     */
    public TestResponse assertHeader(String name, String expected) {
        String actual = header(name);
        if (!Objects.equals(actual, expected)) {
            throw failure("Expected header " + name + ": " + expected + " but was " + actual);
        }
        return this;
    }

    /**
     * Asserts every value of a header.
     *
     * @param name a header name, compared case-insensitively
     * @param expected every expected value, in order (none asserts that the header is absent)
     * @return this response
     * @throws AssertionError if the header's values differ
     */
    public TestResponse assertHeaders(String name, String... expected) {
        List<String> actual = headers(name);
        if (!actual.equals(List.of(expected))) {
            throw failure("Expected header " + name + " values " + List.of(expected) + " but were " + actual);
        }
        return this;
    }

    /**
     * Asserts the body text.
     *
     * @param expected the expected body text (UTF-8)
     * @return this response
     * @throws AssertionError if the body differs
     */
    public TestResponse assertBody(String expected) {
        String actual = bodyString();
        if (!actual.equals(expected)) {
            throw failure("Expected body <" + expected + "> but was <" + truncate(actual) + ">");
        }
        return this;
    }

    /**
     * Compares the body and {@code expectedJson} as JSON trees (member order and whitespace do not
     * matter; numbers must have the same type, e.g. {@code 1} is not {@code 1.0}).
     *
     * @param expectedJson the expected JSON document
     * @return this response
     * @throws AssertionError if the body is not JSON or differs
     * @throws IllegalArgumentException if {@code expectedJson} is not JSON
     */
    public TestResponse assertJson(String expectedJson) {
        JsonNode expected;
        try {
            expected = Json.MAPPER.readTree(expectedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Expected value is not JSON: " + expectedJson, e);
        }
        JsonNode actual;
        try {
            actual = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw failure("Expected JSON " + expected + " but the body is not JSON (" + e.getMessage() + ")");
        }
        if (!expected.equals(actual)) {
            throw failure("Expected JSON " + expected + " but was " + actual);
        }
        return this;
    }

    /** {@return the whole response as text: status line, headers, empty line, body (truncated)} */
    public String describe() {
        StringBuilder sb = new StringBuilder(statusLine()).append('\n');
        for (Map.Entry<String, String> h : headers) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
        return sb.append('\n').append(truncate(bodyString())).toString();
    }

    /** @return {@link #describe()} */
    @Override
    public String toString() {
        return describe();
    }

    private AssertionError failure(String what) {
        return new AssertionError(what + "\n--- response ---\n" + describe());
    }

    private static String truncate(String text) {
        return text.length() > MAX_BODY_IN_MESSAGE
                ? text.substring(0, MAX_BODY_IN_MESSAGE) + "… (" + text.length() + " characters in all)"
                : text;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
