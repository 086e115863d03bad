package dev.aurora.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the bytes an Aurora server wrote on one connection into {@link TestResponse}s, strictly
 * enough to catch framing errors: every line must end in CRLF, header lines must be
 * {@code name: value}, chunked bodies must be well formed (hex sizes, CRLF after each chunk, a
 * last chunk and the terminating empty line) and a {@code Content-Length} body must be complete.
 * A body that has neither {@code Content-Length} nor chunked coding runs until end of input.
 * Responses to {@code HEAD}, and {@code 1xx}, {@code 204} and {@code 304} responses, have no body.
 *
 * <p>Framing errors are reported as {@link IllegalArgumentException}. Stateless; any thread.
 */
public final class ResponseParser {
    private static final byte[] HTTP_PREFIX = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");
    private static final Pattern STATUS = Pattern.compile("[1-9][0-9]{2}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,8}");

    private final byte[] data;
    private final boolean endOfInput;
    private int pos;

    private ResponseParser(byte[] data) {
        this(data, true);
    }

    private ResponseParser(byte[] data, boolean endOfInput) {
        this.data = data;
        this.endOfInput = endOfInput;
    }

    /** The bytes end before the response does; reading more may complete it. */
    static final class Incomplete extends IllegalArgumentException {
        Incomplete(String message) {
            super(message);
        }
    }

    /** A response and how many bytes of the input it took. */
    record Prefix(TestResponse response, int length) {
    }

    /**
     * Parses the response at the start of {@code bytes}, for reading a kept-alive connection.
     *
     * @param bytes what has been read so far
     * @param headRequest whether the request was {@code HEAD}
     * @param endOfInput whether the server has closed (a body without framing then ends here)
     * @return the response and its length
     * @throws Incomplete if more bytes are needed
     * @throws IllegalArgumentException on a framing error
     */
    static Prefix parseFirst(byte[] bytes, boolean headRequest, boolean endOfInput) {
        ResponseParser parser = new ResponseParser(bytes, endOfInput);
        TestResponse response = parser.next(headRequest, false);
        return new Prefix(response, parser.pos);
    }

    /**
     * Parses exactly one response.
     *
     * @param bytes everything the server wrote
     * @param headRequest whether the request was {@code HEAD} (its response has no body)
     * @return the response
     * @throws IllegalArgumentException if the bytes are not exactly one well-framed response
     */
    public static TestResponse parseOne(byte[] bytes, boolean headRequest) {
        ResponseParser parser = new ResponseParser(bytes);
        TestResponse response = parser.next(headRequest, false);
        if (parser.pos != bytes.length) {
            throw new IllegalArgumentException("Unexpected " + (bytes.length - parser.pos)
                    + " bytes after the response:\n" + preview(bytes));
        }
        return response;
    }

    /**
     * Parses every response in {@code bytes}, in order, for input whose request methods are not
     * known (raw mode). A response that declares a {@code Content-Length} but is followed by end of
     * input or directly by another status line is taken as an answer to {@code HEAD}, without body.
     *
     * @param bytes everything the server wrote on one connection
     * @return the responses in order; empty if {@code bytes} is empty
     * @throws IllegalArgumentException on a framing error
     */
    public static List<TestResponse> parseAll(byte[] bytes) {
        ResponseParser parser = new ResponseParser(bytes);
        List<TestResponse> responses = new ArrayList<>();
        while (parser.pos < bytes.length) {
            responses.add(parser.next(false, true));
        }
        return List.copyOf(responses);
    }

    private TestResponse next(boolean headRequest, boolean guessHead) {
        int start = pos;
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !VERSION.matcher(parts[0]).matches() || !STATUS.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("Malformed status line '" + statusLine + "' at byte " + start);
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length == 3 ? parts[2] : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
                throw new IllegalArgumentException("Malformed header line '" + line + "'");
            }
            headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        byte[] body = body(status, headers, headRequest, guessHead);
        return new TestResponse(parts[0], status, reason, headers, body);
    }

    private byte[] body(int status, List<Map.Entry<String, String>> headers, boolean head, boolean guessHead) {
        if (head || status < 200 || status == 204 || status == 304) {
            return new byte[0];
        }
        String te = first(headers, "Transfer-Encoding");
        if (te != null) {
            if (!te.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                throw new IllegalArgumentException("Unsupported Transfer-Encoding: " + te);
            }
            return chunked();
        }
        String cl = first(headers, "Content-Length");
        if (cl != null) {
            if (!DECIMAL.matcher(cl).matches()) {
                throw new IllegalArgumentException("Malformed Content-Length: " + cl);
            }
            long length = Long.parseLong(cl);
            int remaining = data.length - pos;
            if (guessHead && length > 0 && (remaining == 0 || startsWithStatusLine(pos))) {
                return new byte[0];
            }
            if (length > remaining) {
                throw new Incomplete("Truncated body: Content-Length " + length + " but only "
                        + remaining + " bytes left");
            }
            return take((int) length);
        }
        if (!endOfInput) {
            throw new Incomplete("Body without Content-Length or chunked coding runs until the server closes");
        }
        return take(data.length - pos);
    }

    private byte[] chunked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip();
            if (!HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("Malformed chunk size line '" + sizeLine + "'");
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields are ignored
                }
                return out.toByteArray();
            }
            if (size > data.length - pos) {
                throw new Incomplete("Truncated chunk: size " + size + " but only "
                        + (data.length - pos) + " bytes left");
            }
            out.writeBytes(take(size));
            if (!line().isEmpty()) {
                throw new IllegalArgumentException("Chunk data not followed by CRLF");
            }
        }
    }

    /** Reads one CRLF-terminated line (ISO-8859-1); a bare LF or missing CRLF is a framing error. */
    private String line() {
        for (int i = pos; i < data.length; i++) {
            if (data[i] == '\n') {
                if (i == pos || data[i - 1] != '\r') {
                    throw new IllegalArgumentException("Bare LF (line without CR) at byte " + i);
                }
                String line = new String(data, pos, i - 1 - pos, StandardCharsets.ISO_8859_1);
                pos = i + 1;
                return line;
            }
        }
        throw new Incomplete("Incomplete line at byte " + pos + " (no CRLF before end of input)");
    }

    private byte[] take(int n) {
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    private boolean startsWithStatusLine(int at) {
        if (data.length - at < HTTP_PREFIX.length + 5) {
            return false;
        }
        for (int i = 0; i < HTTP_PREFIX.length; i++) {
            if (data[at + i] != HTTP_PREFIX[i]) {
                return false;
            }
        }
        return data[at + HTTP_PREFIX.length + 1] == ' ';
    }

    private static String first(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.length() > 4096 ? text.substring(0, 4096) + "…" : text;
    }
}
