package dev.aurora.internal.http;

/**
 * Pre-encoded {@code HTTP/1.1 <code> <reason>\r\n} lines, so writing a status costs one array copy.
 * Any thread.
 */
public final class StatusLine {
    private static final byte[][] LINES = new byte[600][];
    private static final byte[] CONTINUE_100 = Ascii.bytes("HTTP/1.1 100 Continue\r\n\r\n");

    static {
        for (int code = 100; code < 600; code++) {
            LINES[code] = Ascii.bytes("HTTP/1.1 " + code + " " + reason(code) + "\r\n");
        }
    }

    private StatusLine() {
    }

    /** The status line for {@code code} (100-599). */
    public static byte[] of(int code) {
        return LINES[code];
    }

    /** The whole interim response sent before reading a body the client is holding back. */
    public static byte[] continue100() {
        return CONTINUE_100;
    }

    /** The reason phrase registered for {@code code} (RFC 9110 section 15), or empty. */
    public static String reason(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non-Authoritative Information";
            case 204 -> "No Content";
            case 205 -> "Reset Content";
            case 206 -> "Partial Content";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 417 -> "Expectation Failed";
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Content";
            case 426 -> "Upgrade Required";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }
}
