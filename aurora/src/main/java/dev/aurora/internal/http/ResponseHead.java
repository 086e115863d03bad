package dev.aurora.internal.http;

import java.io.IOException;
import java.util.Locale;

/**
 * The status and header fields of one response until it commits, and the rules for the fields
 * Aurora manages itself:
 * <ul>
 *   <li>{@code Content-Length} is never stored as a field: a handler's value becomes the declared
 *       length, which framing then uses or (for a compressed body) drops;</li>
 *   <li>{@code Transfer-Encoding} cannot be set or removed: framing alone decides it;</li>
 *   <li>{@code Connection} cannot be removed; setting it to a value containing {@code close} asks
 *       for the connection to close after this response, any other value is ignored;</li>
 *   <li>{@code Content-Type} and {@code Date} are tracked, so the writer adds a default type and the
 *       current date only when the handler set none; a default type only when there is content
 *       ({@link Framing#hasContent}). A {@code 204} or {@code 304} never has a type.</li>
 * </ul>
 * Fields set before {@link #keepOnError()} survive an error response that replaces this one.
 *
 * <p>One instance per connection, reset for every response; runs on the connection's virtual
 * thread.
 */
public final class ResponseHead {
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("Content-Length: ");
    private static final byte[] CONNECTION_CLOSE = Ascii.bytes("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = Ascii.bytes("Connection: keep-alive\r\n");
    private static final byte[] TRANSFER_CHUNKED = Ascii.bytes("Transfer-Encoding: chunked\r\n");
    private static final int DEFAULT_STATUS = 200;

    private final ResponseHeaders headers = new ResponseHeaders();
    private int status;
    private long declaredLength;
    private boolean contentTypeSet;
    private boolean dateSet;
    private boolean closeRequested;
    private boolean committed;
    /** Leading fields that survive an error reset ({@code SecurityHeaders}, {@code Cors}). */
    private int keptOnError;

    public ResponseHead() {
        reset(0);
    }

    /** Starts afresh for a new response, keeping the first {@code keep} fields. */
    void reset(int keep) {
        keptOnError = keep;
        status = DEFAULT_STATUS;
        committed = false;
        closeRequested = false;
        declaredLength = -1;
        headers.truncate(keep);
        contentTypeSet = keep > 0 && headers.contains("Content-Type");
        dateSet = keep > 0 && headers.contains("Date");
    }

    /** Starts afresh for an error response that replaces this one, keeping what {@link #keepOnError} marked. */
    void resetForError() {
        reset(keptOnError);
    }

    /** Marks every field set so far to survive {@link #resetForError}. */
    public void keepOnError() {
        keptOnError = headers.size();
    }

    public int status() {
        return status;
    }

    /** @throws IllegalArgumentException outside 200-599 (interim responses are Aurora's own) */
    public void status(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("Status must be 200-599: " + code);
        }
        checkNotCommitted();
        status = code;
    }

    /** Adds a field, or applies the rule of a managed one (see the class comment). */
    public void add(String name, String value) {
        checkNotCommitted();
        if (name != null && name.equalsIgnoreCase("Transfer-Encoding")) {
            throw new IllegalArgumentException("Transfer-Encoding is managed by Aurora");
        }
        if (name != null && name.equalsIgnoreCase("Content-Length")) {
            declaredLength = parseLength(value);
            return;
        }
        if (name != null && name.equalsIgnoreCase("Connection")) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains("close")) {
                closeRequested = true;
            }
            return;
        }
        headers.add(name, value);
        track(name, true);
    }

    /** Replaces every field of that name with one; {@code Connection} is only added to. */
    public void set(String name, String value) {
        if (name == null || !name.equalsIgnoreCase("Connection")) {
            remove(name);
        }
        add(name, value);
    }

    /** Removes every field of that name; for {@code Content-Length}, forgets the declared length. */
    public void remove(String name) {
        checkNotCommitted();
        if (name == null || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Transfer-Encoding")) {
            throw new IllegalArgumentException(name + " is managed by Aurora");
        }
        if (name.equalsIgnoreCase("Content-Length")) {
            declaredLength = -1;
            return;
        }
        keptOnError -= headers.remove(name, keptOnError);
        track(name, false);
    }

    /** The first value of a field as the client will see it; {@code Content-Length} as declared. */
    public String first(String name) {
        if (name.equalsIgnoreCase("Content-Length")) {
            return declaredLength >= 0 ? Long.toString(declaredLength) : null;
        }
        return headers.first(name);
    }

    /** The handler's own fields, for rules that inspect or rewrite them ({@code Vary}, {@code ETag}). */
    public ResponseHeaders fields() {
        return headers;
    }

    /** The {@code Content-Type} the handler set, or null. */
    public String contentType() {
        return contentTypeSet ? headers.first("Content-Type") : null;
    }

    /** The body length the handler declared with {@code Content-Length}, or -1. */
    long declaredLength() {
        return declaredLength;
    }

    /** The body will be sent in a coding of unknown length: a declared length no longer holds. */
    void forgetDeclaredLength() {
        declaredLength = -1;
    }

    /** Whether the handler asked for {@code Connection: close}. */
    boolean closeRequested() {
        return closeRequested;
    }

    public boolean committed() {
        return committed;
    }

    public void checkNotCommitted() {
        if (committed) {
            throw new IllegalStateException("Response already committed");
        }
    }

    /**
     * Writes the status line and the fields, ending the head; from now on nothing can change.
     *
     * @param defaultType the whole {@code Content-Type} line to send if the handler set none, or null
     * @param length the declared body length, when {@code framing} is {@link BodyFraming#LENGTH}
     * @param close whether this is the connection's last response
     * @param http10 whether the client speaks HTTP/1.0, which needs keep-alive said
     */
    void writeTo(OutputBuffer out, byte[] defaultType, BodyFraming framing, long length, boolean close,
            boolean http10) throws IOException {
        committed = true;
        if (contentTypeSet && !Framing.statusAllowsBody(status)) {
            // 204 and 304 describe no content (a 304's type is only there for Compression to judge by).
            keptOnError -= headers.remove("Content-Type", keptOnError);
            contentTypeSet = false;
        }
        out.write(StatusLine.of(status));
        if (!dateSet) {
            out.write(DateHeader.line());
        }
        if (!contentTypeSet && defaultType != null) {
            out.write(defaultType);
        }
        headers.writeTo(out);
        switch (framing) {
            case LENGTH -> {
                out.write(CONTENT_LENGTH);
                out.writeDecimal(length);
                out.crlf();
            }
            case CHUNKED -> out.write(TRANSFER_CHUNKED);
            case NONE, CLOSE_DELIMITED -> {
            }
        }
        if (close) {
            out.write(CONNECTION_CLOSE);
        } else if (http10) {
            out.write(CONNECTION_KEEP_ALIVE);
        }
        out.crlf();
    }

    private void track(String name, boolean present) {
        if (name.equalsIgnoreCase("Content-Type")) {
            contentTypeSet = present;
        } else if (name.equalsIgnoreCase("Date")) {
            dateSet = present;
        }
    }

    private static long parseLength(String value) {
        long length;
        try {
            length = Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Invalid Content-Length: " + value);
        }
        if (length < 0) {
            throw new IllegalArgumentException("Invalid Content-Length: " + value);
        }
        return length;
    }
}
