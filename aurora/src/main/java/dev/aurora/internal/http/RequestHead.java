package dev.aurora.internal.http;

/**
 * One parsed request head, as offsets into the connection's {@link InputBuffer} (relative to
 * {@link InputBuffer#base()}). Nothing here is a {@code String} until a handler asks for one; the
 * object is reused for every request of the connection.
 *
 * <p>Runs on the connection's virtual thread only.
 */
public final class RequestHead {
    final int[] lineStart;
    final int[] lineEnd;
    int lineCount;

    String method;
    int targetStart;
    int targetEnd;
    int pathStart;
    int pathEnd;
    int queryStart;
    int queryEnd;
    int authorityStart;
    int authorityEnd;
    boolean asteriskForm;
    int minorVersion;

    final int[] nameStart;
    final int[] nameEnd;
    final int[] valueStart;
    final int[] valueEnd;
    int headerCount;

    int hostCount;
    int hostStart;
    int hostEnd;
    BodyFraming bodyFraming = BodyFraming.NONE;
    long contentLength;
    boolean connectionClose;
    boolean connectionKeepAlive;
    boolean expectContinue;
    int headLength;
    /** Why a head that parsed is refused all the same, or null (see {@link #refusal()}). */
    ProtocolException refusal;

    public RequestHead(int maxHeaderCount) {
        lineStart = new int[maxHeaderCount + 1];
        lineEnd = new int[maxHeaderCount + 1];
        nameStart = new int[maxHeaderCount];
        nameEnd = new int[maxHeaderCount];
        valueStart = new int[maxHeaderCount];
        valueEnd = new int[maxHeaderCount];
    }

    /** Forgets the last request (the reader does this before parsing; pools on release). */
    public void reset() {
        lineCount = 0;
        method = null;
        queryStart = -1;
        queryEnd = -1;
        authorityStart = -1;
        authorityEnd = -1;
        asteriskForm = false;
        headerCount = 0;
        hostCount = 0;
        hostStart = -1;
        hostEnd = -1;
        bodyFraming = BodyFraming.NONE;
        contentLength = -1;
        connectionClose = false;
        connectionKeepAlive = false;
        expectContinue = false;
        headLength = 0;
        refusal = null;
    }

    /** Records why this well-formed head is refused; the first reason found is the one answered. */
    void refuse(ProtocolException reason) {
        if (refusal == null) {
            refusal = reason;
        }
    }

    /**
     * Why this head, which parsed and frames its message, is refused all the same: a declared body
     * over the limit ({@code 413}), an unsupported transfer coding ({@code 501}) or expectation
     * ({@code 417}), an HTTP/1.1 request without {@code Host} ({@code 400}); null for a request to
     * serve. A refused request is routed like any other so the application's middleware answers it
     * (CORS, request id, problem format), but no handler runs, its body is never read, and the
     * connection closes after the response.
     */
    public ProtocolException refusal() {
        return refusal;
    }

    public String method() {
        return method;
    }

    public int pathStart() {
        return pathStart;
    }

    /** Path length in bytes; 0 means the target had no path (absolute-form "http://h"), read as "/". */
    public int pathLength() {
        return pathEnd - pathStart;
    }

    public int queryStart() {
        return queryStart;
    }

    public int queryLength() {
        return queryStart < 0 ? -1 : queryEnd - queryStart;
    }

    public int targetStart() {
        return targetStart;
    }

    public int targetLength() {
        return targetEnd - targetStart;
    }

    public boolean asteriskForm() {
        return asteriskForm;
    }

    /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
    public int minorVersion() {
        return minorVersion;
    }

    public int headerCount() {
        return headerCount;
    }

    public int nameStart(int i) {
        return nameStart[i];
    }

    public int nameLength(int i) {
        return nameEnd[i] - nameStart[i];
    }

    public int valueStart(int i) {
        return valueStart[i];
    }

    public int valueLength(int i) {
        return valueEnd[i] - valueStart[i];
    }

    /**
     * The header lookup every reader of request fields goes through.
     *
     * @param buf the connection's buffer, {@code base} the offset this head's positions count from
     * @return the index of the first field at or after {@code from} named {@code name} (compared
     *     case-insensitively), or -1
     */
    public int find(byte[] buf, int base, String name, int from) {
        for (int i = from; i < headerCount; i++) {
            if (Ascii.equalsIgnoreCase(buf, base + nameStart[i], nameEnd[i] - nameStart[i], name)) {
                return i;
            }
        }
        return -1;
    }

    /** Start of the effective authority: the absolute-form target's, else Host's; -1 if none. */
    public int authorityStart() {
        return authorityStart >= 0 ? authorityStart : hostStart;
    }

    public int authorityLength() {
        return authorityStart >= 0 ? authorityEnd - authorityStart : hostEnd - hostStart;
    }

    /** How the request body is framed: {@link BodyFraming#NONE}, {@code LENGTH} or {@code CHUNKED}. */
    public BodyFraming bodyFraming() {
        return bodyFraming;
    }

    public long contentLength() {
        return contentLength;
    }

    public boolean expectContinue() {
        return expectContinue;
    }

    /** Whether the client allows the connection to stay open after this request (never a refused one). */
    public boolean keepAlive() {
        if (connectionClose || refusal != null) {
            return false;
        }
        return minorVersion == 1 || connectionKeepAlive;
    }

    /** Whether the client asked for keep-alive explicitly (HTTP/1.0 needs the header echoed). */
    public boolean keepAliveRequested() {
        return connectionKeepAlive;
    }

    public int headLength() {
        return headLength;
    }
}
