package dev.aurora.internal.http;

import dev.aurora.internal.mem.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * The current request's line and fields as a handler reads them: method, path, query parameters,
 * header fields and cookies. Everything is read from the connection's buffer when asked; a
 * {@code String} exists only for a value a caller takes. Every field lookup goes through
 * {@link RequestHead#find}.
 *
 * <p>One instance per connection, reset for every request; runs on the connection's virtual thread.
 */
public final class RequestView {
    private final InputBuffer input;
    /** Scratch space for decoding, reset for every request. */
    private final Arena scratch;
    private RequestHead head;
    private String path;

    public RequestView(InputBuffer input, Arena scratch) {
        this.input = input;
        this.scratch = scratch;
    }

    /** Starts viewing a freshly parsed head. */
    public void begin(RequestHead head) {
        this.head = head;
        this.path = null;
        scratch.reset();
    }

    public RequestHead head() {
        return head;
    }

    public String method() {
        return head.method();
    }

    /**
     * The path as sent (not percent-decoded): {@code *} for asterisk-form, {@code /} when empty.
     * Bytes of 0x80 and above, which a lenient target may hold raw, are percent-encoded, so the
     * path is ASCII and reads as a strict client would have sent it.
     */
    public String path() {
        if (path == null) {
            int length = head.pathLength();
            path = head.asteriskForm() ? "*"
                    : length == 0 ? "/" : PercentDecoding.escapeNonAscii(input.array(), input.base() + head.pathStart(), length);
        }
        return path;
    }

    /**
     * The authority the client asked for: an absolute-form target's (RFC 9112 section 3.2.2 has
     * the server ignore Host then), else the {@code Host} field's; null if there is neither.
     */
    public String authority() {
        int start = head.authorityStart();
        return start < 0 ? null : Ascii.latin1(input.array(), input.base() + start, head.authorityLength());
    }

    /** The first decoded value of query parameter {@code name}, or null. */
    public String query(String name) {
        int length = head.queryLength();
        if (length <= 0) {
            return null;
        }
        return QueryString.first(input.array(), input.base() + head.queryStart(), length, name, scratch);
    }

    /** Every decoded value of query parameter {@code name}, in order. */
    public List<String> queries(String name) {
        int length = head.queryLength();
        if (length <= 0) {
            return List.of();
        }
        return QueryString.all(input.array(), input.base() + head.queryStart(), length, name, scratch);
    }

    /** The first value of field {@code name}, or null. */
    public String header(String name) {
        int i = find(name, 0);
        return i < 0 ? null : value(i);
    }

    /** Every value of field {@code name}, in order. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = find(name, 0); i >= 0; i = find(name, i + 1)) {
            values.add(value(i));
        }
        return values;
    }

    /** The value of cookie {@code name} in any {@code Cookie} field, or null. */
    public String cookie(String name) {
        byte[] b = input.array();
        for (int i = find("Cookie", 0); i >= 0; i = find("Cookie", i + 1)) {
            String value = CookieHeader.find(b, valueStart(i), valueEnd(i), name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The index of the first field at or after {@code from} named {@code name}, or -1. */
    public int find(String name, int from) {
        return head.find(input.array(), input.base(), name, from);
    }

    /** The buffer the positions of {@link #valueStart} and {@link #valueEnd} point into. */
    public byte[] bytes() {
        return input.array();
    }

    public int valueStart(int field) {
        return input.base() + head.valueStart(field);
    }

    public int valueEnd(int field) {
        return valueStart(field) + head.valueLength(field);
    }

    private String value(int field) {
        return Ascii.latin1(input.array(), valueStart(field), head.valueLength(field));
    }
}
