package dev.aurora.internal.server;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.ServerConfig;
import dev.aurora.SseHandler;
import dev.aurora.internal.http.AcceptEncoding;
import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.BodyStream;
import dev.aurora.internal.http.ChunkedBodyOutputStream;
import dev.aurora.internal.http.ChunkedBodyStream;
import dev.aurora.internal.http.CookieHeader;
import dev.aurora.internal.http.CloseDelimitedBodyOutputStream;
import dev.aurora.internal.http.DateHeader;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.internal.http.DeflatingBodyOutputStream;
import dev.aurora.internal.http.DiscardingBodyOutputStream;
import dev.aurora.internal.http.FixedLengthBodyOutputStream;
import dev.aurora.internal.http.FixedLengthBodyStream;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.http.QueryString;
import dev.aurora.internal.http.RequestHead;
import dev.aurora.internal.http.ResponseBodyStream;
import dev.aurora.internal.http.ResponseHeaders;
import dev.aurora.internal.http.StatusLine;
import dev.aurora.internal.json.JsonCodec;
import dev.aurora.internal.mem.Arena;
import dev.aurora.internal.routing.Endpoint;
import dev.aurora.internal.routing.RouteMatch;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Context} of one request: reads the request from the connection's buffer and writes the
 * response into its output buffer. One instance per connection, reset for every request, so the
 * steady state allocates nothing that the handler does not ask for.
 *
 * <p>Response framing is decided here, once, when the response is committed: {@code Content-Length}
 * for whole bodies; chunked for streamed bodies (close-delimited for HTTP/1.0); nothing for
 * {@code 204}/{@code 304}; the headers but no body for {@code HEAD}. {@code Connection: close} is
 * sent when the client asked for it, the server is draining, the request limit is reached, or the
 * unread request body is too large to skip.
 *
 * <p>When {@code Compression} put a {@link ResponseCompression} on the request, the same moment
 * decides whether the body is compressed ({@link #negotiate}); a compressed body goes through a
 * {@link DeflatingBodyOutputStream} in front of the framing chosen for it. Without the middleware
 * that costs one null check per response.
 *
 * <p>Runs on the connection's virtual thread.
 */
final class Exchange implements Context {
    /** Smaller files go through the write buffer with their headers, in one socket write. */
    private static final long ZERO_COPY_MIN_BYTES = 64 * 1024;
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("Content-Length: ");
    private static final byte[] CONNECTION_CLOSE = Ascii.bytes("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = Ascii.bytes("Connection: keep-alive\r\n");
    private static final byte[] TRANSFER_CHUNKED = Ascii.bytes("Transfer-Encoding: chunked\r\n");
    private static final byte[] TYPE_TEXT = Ascii.bytes("Content-Type: text/plain; charset=utf-8\r\n");
    private static final byte[] TYPE_BYTES = Ascii.bytes("Content-Type: application/octet-stream\r\n");
    private static final byte[] TYPE_JSON = Ascii.bytes("Content-Type: application/json\r\n");
    private static final byte[] ROOT = {'/'};
    private static final byte[] REQUEST_ID = Ascii.bytes("X-Request-Id: ");
    /** The largest body {@link #body()} can return as one array; larger ones need bodyStream(). */
    private static final long MAX_ARRAY_BODY = Integer.MAX_VALUE - 8;
    private static final int EXACT_BODY_ARRAY = 64 * 1024;
    private static final int SCRATCH_INTS = 16;
    private static final int SCRATCH_BYTES = 1024;

    private final ServerConfig config;
    private final InputBuffer input;
    private final OutputBuffer output;
    private final ServerRuntime server;
    private final FixedLengthBodyStream fixedBody;
    private final ChunkedBodyStream chunkedBody;
    private final ResponseHeaders headers = new ResponseHeaders();
    private final ChunkedBodyOutputStream chunkedOut;
    private final FixedLengthBodyOutputStream fixedOut;
    private final CloseDelimitedBodyOutputStream closeDelimitedOut;
    private final DiscardingBodyOutputStream discardingOut;
    /** Made on this connection's first compressed response. */
    private DeflatingBodyOutputStream deflatingOut;
    /** Set by {@code Compression} for this request; null, and then free, when the application uses none. */
    private ResponseCompression compression;
    private int coding;
    private final JsonCodec.Sink jsonSink = new JsonCodec.Sink();
    private final Attributes attributes = new Attributes();
    /** Scratch space for decoding parameters, reset for every request. */
    private final Arena scratch = new Arena(SCRATCH_INTS, SCRATCH_BYTES);
    private final InetSocketAddress remoteAddress;
    /** Where a file body can be sent zero-copy; null in memory. */
    private final SocketChannel fileTarget;
    /** For the pieces of a zero-copy body that must be written the ordinary way; made when first needed. */
    private byte[] fileScratch;
    private final RouteMatch match;
    private Endpoint<Handler> endpoint;
    /** The buffer base when the route matched: parameter offsets are absolute as of then. */
    private int matchBase;
    private String requestId;
    /** Leading response headers that survive an error reset ({@code SecurityHeaders}). */
    private int keptOnError;
    /** Set by {@code ForwardedHeaders} from a trusted proxy's headers; null when not. */
    private InetSocketAddress originClient;
    private String originScheme;
    private String originHost;
    /** Whether every response carries {@code X-Request-Id}. */
    private final boolean echoRequestId;
    private TraceParent traceParent;
    private boolean traceParsed;
    private String remoteHost;

    private RequestHead head;
    private BodyStream body;
    private byte[] bodyBytes;
    private String path;
    private boolean keepAllowed;
    private boolean continueSent;
    private boolean broken;

    private int status;
    private boolean committed;
    private boolean closeAfter;
    private boolean contentTypeSet;
    private boolean dateSet;
    private long declaredLength;
    private ResponseBodyStream stream;
    /** Where this response starts, counted in all bytes this connection has ever produced. */
    private long responseStart;

    Exchange(ServerConfig config, InputBuffer input, OutputBuffer output, ServerRuntime server,
            InetSocketAddress remoteAddress, SocketChannel fileTarget) {
        this.config = config;
        this.fileTarget = fileTarget;
        this.remoteAddress = remoteAddress;
        this.match = server.dispatcher().newMatch();
        this.input = input;
        this.output = output;
        this.server = server;
        int bodyTimeout = (int) config.bodyReadTimeout().toMillis();
        this.fixedBody = new FixedLengthBodyStream(input, bodyTimeout);
        this.chunkedBody = new ChunkedBodyStream(input, bodyTimeout, config.maxBodySize(), config.maxHeaderSize(),
                config.maxHeaderCount());
        this.chunkedOut = new ChunkedBodyOutputStream(output);
        this.fixedOut = new FixedLengthBodyOutputStream(output);
        this.closeDelimitedOut = new CloseDelimitedBodyOutputStream(output);
        this.discardingOut = new DiscardingBodyOutputStream(output);
        this.echoRequestId = server.dispatcher().logging().requestIds();
    }

    /** Starts the exchange for a freshly parsed head. */
    void begin(RequestHead head, boolean keepAllowed) {
        this.head = head;
        this.keepAllowed = keepAllowed;
        this.body = switch (head.bodyKind()) {
            case RequestHead.BODY_FIXED -> fixedBody.restart(head.contentLength());
            case RequestHead.BODY_CHUNKED -> chunkedBody.restart();
            default -> BodyStream.EMPTY;
        };
        bodyBytes = null;
        path = null;
        endpoint = null;
        requestId = null;
        traceParent = null;
        originClient = null;
        originScheme = null;
        originHost = null;
        compression = null;
        traceParsed = false;
        attributes.clear();
        scratch.reset();
        continueSent = false;
        broken = false;
        resetResponse();
    }

    /**
     * Lowers this request's body limit. A declared length over it is refused at once, before any
     * byte is read; a chunked body is refused ({@code 413}) when its chunks pass it.
     */
    void limitBody(long max) {
        if (head.bodyKind() == RequestHead.BODY_FIXED && head.contentLength() > max
                || bodyBytes != null && bodyBytes.length > max) {
            throw new PayloadTooLargeException("Request body larger than " + max + " bytes");
        }
        if (head.bodyKind() == RequestHead.BODY_CHUNKED) {
            chunkedBody.limit(max);
        }
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} as the whole body, with
     * {@code FileChannel.transferTo} ({@code sendfile}) straight from the page cache to the socket.
     * On a virtual thread's non-blocking socket {@code transferTo} returns 0 instead of waiting when
     * the socket buffer is full; the next piece is then written the ordinary way, which parks until
     * the client reads (and is what the write timeout watches), and {@code transferTo} resumes.
     *
     * @return false, having changed nothing, when this response cannot go that way: no socket
     *     channel (in memory), no body (HEAD, 304), compression in play, a small file, or a response
     *     already started
     */
    boolean sendFile(FileChannel file, long position, long count) throws IOException {
        if (fileTarget == null || committed || stream != null || compression != null || !bodyAllowed()
                || count < ZERO_COPY_MIN_BYTES) {
            return false;
        }
        commit(count, null);
        stream = fixedOut.length(0);
        output.flush();
        long at = position;
        long left = count;
        while (left > 0) {
            long sent = file.transferTo(at, left, fileTarget);
            if (sent > 0) {
                output.sentAround(sent);
            } else {
                if (fileScratch == null) {
                    fileScratch = new byte[16 * 1024];
                }
                int read = file.read(ByteBuffer.wrap(fileScratch, 0, (int) Math.min(fileScratch.length, left)), at);
                if (read < 0) {
                    throw new EOFException("file ended " + left + " bytes early");
                }
                output.write(fileScratch, 0, read);
                output.flush();
                sent = read;
            }
            at += sent;
            left -= sent;
        }
        return true;
    }

    /** Marks every header set so far to survive {@link #resetForError}. */
    void keepHeadersOnError() {
        keptOnError = headers.size();
    }

    private void resetResponse() {
        resetResponse(0);
    }

    /** Starts the response afresh, keeping the first {@code keepHeaders} headers. */
    private void resetResponse(int keepHeaders) {
        keptOnError = keepHeaders;
        status = 200;
        committed = false;
        closeAfter = false;
        declaredLength = -1;
        stream = null;
        if (deflatingOut != null) {
            deflatingOut.abandon();
        }
        headers.truncate(keepHeaders);
        contentTypeSet = keepHeaders > 0 && headers.contains("Content-Type");
        dateSet = keepHeaders > 0 && headers.contains("Date");
        responseStart = output.bytesWritten() + output.pending();
    }

    ServerCounters counters() {
        return server.counters();
    }

    RequestHead head() {
        return head;
    }

    boolean committed() {
        return committed;
    }

    InputBuffer input() {
        return input;
    }

    RouteMatch match() {
        return match;
    }

    /** The {@code Allow} value of the matched path, or null if no path matched. */
    String allow() {
        return endpoint == null ? null : endpoint.allow();
    }

    /** The route that matched, for params and the route pattern. */
    void matched(Endpoint<Handler> endpoint) {
        this.endpoint = endpoint;
        this.matchBase = input.base();
    }

    // ---- request ----

    @Override
    public String method() {
        return head.method();
    }

    @Override
    public String path() {
        if (path == null) {
            int length = head.pathLength();
            path = head.asteriskForm() ? "*"
                    : length == 0 ? "/" : Ascii.latin1(input.array(), input.base() + head.pathStart(), length);
        }
        return path;
    }

    @Override
    public String routePattern() {
        return endpoint == null ? null : endpoint.registeredPattern();
    }

    @Override
    public String param(String name) {
        if (endpoint == null) {
            return null;
        }
        int i = endpoint.paramIndex(name);
        return i < 0 ? null : match.value(input.array(), i, input.base() - matchBase, scratch);
    }

    @Override
    public List<String> queries(String name) {
        int length = head.queryLength();
        if (length <= 0) {
            return List.of();
        }
        return QueryString.all(input.array(), input.base() + head.queryStart(), length, name, scratch);
    }

    @Override
    public String cookie(String name) {
        byte[] b = input.array();
        int base = input.base();
        for (int i = 0; i < head.headerCount(); i++) {
            if (Ascii.equalsIgnoreCase(b, base + head.nameStart(i), head.nameLength(i), "Cookie")) {
                int start = base + head.valueStart(i);
                String value = CookieHeader.find(b, start, start + head.valueLength(i), name);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    @Override
    public String requestId() {
        if (requestId == null) {
            String offered = header("X-Request-Id");
            requestId = RequestIds.acceptable(offered) ? offered : RequestIds.next();
        }
        return requestId;
    }

    /** Whether responses carry the request id: its header, and a member of problem bodies. */
    boolean echoesRequestId() {
        return echoRequestId;
    }

    /** The client's valid {@code traceparent}, or null when it sent none or a malformed one. */
    TraceParent traceParent() {
        if (!traceParsed) {
            traceParsed = true;
            traceParent = TraceParent.parse(header("traceparent"));
        }
        return traceParent;
    }

    /** The client's IP address as text, made once per connection. */
    String remoteHost() {
        if (remoteHost == null) {
            remoteHost = remoteAddress.getAddress() == null ? remoteAddress.getHostString()
                    : remoteAddress.getAddress().getHostAddress();
        }
        return remoteHost;
    }

    /** Request bytes: the head, plus the body's declared length (chunked: the chunk sizes read). */
    long bytesIn() {
        long body = switch (head.bodyKind()) {
            case RequestHead.BODY_FIXED -> head.contentLength();
            case RequestHead.BODY_CHUNKED -> chunkedBody.received();
            default -> 0;
        };
        return head.headLength() + body;
    }

    /** Response bytes so far, status line and headers included. */
    long bytesOut() {
        return output.bytesWritten() + output.pending() - responseStart;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return originClient != null ? originClient : remoteAddress;
    }

    @Override
    public String scheme() {
        return originScheme != null ? originScheme : "http";
    }

    @Override
    public String host() {
        return originHost != null ? originHost : header("Host");
    }

    /**
     * Lets this response be compressed if it turns out compressible when it commits, with the coding
     * the request's {@code Accept-Encoding} prefers (none for a {@code Range} request), read from
     * the request bytes.
     */
    void compression(ResponseCompression policy) {
        this.compression = policy;
        byte[] b = input.array();
        int base = input.base();
        long weights = AcceptEncoding.NOTHING_LISTED;
        boolean negotiable = false;
        for (int i = 0; i < head.headerCount(); i++) {
            if (Ascii.equalsIgnoreCase(b, base + head.nameStart(i), head.nameLength(i), "Accept-Encoding")) {
                int start = base + head.valueStart(i);
                weights = AcceptEncoding.parse(weights, b, start, start + head.valueLength(i));
                negotiable = true;
            } else if (Ascii.equalsIgnoreCase(b, base + head.nameStart(i), head.nameLength(i), "Range")) {
                negotiable = false;
                break;
            }
        }
        this.coding = negotiable ? AcceptEncoding.choose(weights) : AcceptEncoding.IDENTITY;
    }

    /** What a trusted proxy said about the original request; null parts leave the connection's own. */
    void origin(InetSocketAddress client, String scheme, String host) {
        originClient = client;
        originScheme = scheme;
        originHost = host;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return (T) attributes.get(key);
    }

    @Override
    public Context attribute(String key, Object value) {
        attributes.put(java.util.Objects.requireNonNull(key, "key"), value);
        return this;
    }

    @Override
    public String query(String name) {
        int length = head.queryLength();
        if (length <= 0) {
            return null;
        }
        return QueryString.first(input.array(), input.base() + head.queryStart(), length, name, scratch);
    }

    @Override
    public String header(String name) {
        byte[] b = input.array();
        int base = input.base();
        for (int i = 0; i < head.headerCount(); i++) {
            if (Ascii.equalsIgnoreCase(b, base + head.nameStart(i), head.nameLength(i), name)) {
                return Ascii.latin1(b, base + head.valueStart(i), head.valueLength(i));
            }
        }
        return null;
    }

    @Override
    public List<String> headers(String name) {
        byte[] b = input.array();
        int base = input.base();
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < head.headerCount(); i++) {
            if (Ascii.equalsIgnoreCase(b, base + head.nameStart(i), head.nameLength(i), name)) {
                values.add(Ascii.latin1(b, base + head.valueStart(i), head.valueLength(i)));
            }
        }
        return values;
    }

    @Override
    public byte[] body() {
        if (bodyBytes == null) {
            try {
                BodyStream stream = startBody();
                if (head.contentLength() > MAX_ARRAY_BODY) {
                    throw new ProtocolException(413, "Content Too Large for an in-memory body");
                }
                if (head.bodyKind() == RequestHead.BODY_FIXED) {
                    // Small known length: one exact array. A large one grows with the bytes that
                    // actually arrive, so a Content-Length alone cannot make the server allocate.
                    int length = (int) head.contentLength();
                    byte[] bytes = length <= EXACT_BODY_ARRAY ? new byte[length] : null;
                    int n = bytes != null ? stream.readNBytes(bytes, 0, length) : (bytes = stream.readNBytes(length)).length;
                    if (n < length) {
                        throw new java.io.EOFException("Connection closed before the end of the body");
                    }
                    bodyBytes = bytes;
                } else {
                    bodyBytes = stream.readAllBytes();
                }
            } catch (SocketTimeoutException e) {
                throw new ProtocolException(408, "Request body timed out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodyBytes;
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        return BodyValidation.validated(server.json().read(body(), type));
    }

    @Override
    public <T> T bodyAs(Type type) {
        return BodyValidation.validated(server.json().<T>read(body(), type));
    }

    @Override
    public InputStream bodyStream() {
        if (bodyBytes != null) {
            return new ByteArrayInputStream(bodyBytes);
        }
        try {
            return startBody();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body will be read: if the client waits for {@code 100 Continue}, send it now. */
    private BodyStream startBody() throws IOException {
        if (head.expectContinue() && !continueSent && !committed && !body.finished() && input.available() == 0
                && head.minorVersion() == 1) {
            continueSent = true;
            output.write(StatusLine.continue100());
            output.flush();
            responseStart = output.bytesWritten() + output.pending();
        }
        return body;
    }

    // ---- response ----

    @Override
    public Context status(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("Status must be 200-599: " + code);
        }
        checkNotCommitted();
        status = code;
        return this;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Context setHeader(String name, String value) {
        if (name != null && name.equalsIgnoreCase("Connection")) {
            return header(name, value);
        }
        removeHeader(name);
        return header(name, value);
    }

    @Override
    public Context removeHeader(String name) {
        checkNotCommitted();
        if (name == null || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Transfer-Encoding")) {
            throw new IllegalArgumentException(name + " is managed by Aurora");
        }
        if (name.equalsIgnoreCase("Content-Length")) {
            declaredLength = -1;
            return this;
        }
        keptOnError -= headers.remove(name, keptOnError);
        if (name.equalsIgnoreCase("Content-Type")) {
            contentTypeSet = false;
        } else if (name.equalsIgnoreCase("Date")) {
            dateSet = false;
        }
        return this;
    }

    @Override
    public String responseHeader(String name) {
        if (name.equalsIgnoreCase("Content-Length")) {
            return declaredLength >= 0 ? Long.toString(declaredLength) : null;
        }
        return headers.first(name);
    }

    @Override
    public void sse(SseHandler handler) throws Exception {
        server.sse().serve(this, handler);
    }

    @Override
    public Context header(String name, String value) {
        checkNotCommitted();
        if (name != null && name.equalsIgnoreCase("Transfer-Encoding")) {
            throw new IllegalArgumentException("Transfer-Encoding is managed by Aurora");
        }
        if (name != null && name.equalsIgnoreCase("Content-Length")) {
            try {
                declaredLength = Long.parseLong(value);
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("Invalid Content-Length: " + value);
            }
            if (declaredLength < 0) {
                throw new IllegalArgumentException("Invalid Content-Length: " + value);
            }
            return this;
        }
        if (name != null && name.equalsIgnoreCase("Connection")) {
            if (value != null && value.toLowerCase(java.util.Locale.ROOT).contains("close")) {
                closeAfter = true;
            }
            return this;
        }
        headers.add(name, value);
        if (name.equalsIgnoreCase("Content-Type")) {
            contentTypeSet = true;
        } else if (name.equalsIgnoreCase("Date")) {
            dateSet = true;
        }
        return this;
    }

    @Override
    public void send(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                sendBytes(text.getBytes(StandardCharsets.UTF_8), TYPE_TEXT);
                return;
            }
        }
        try {
            if (compression != null && negotiate(length, TYPE_TEXT) != AcceptEncoding.IDENTITY) {
                sendCompressed(text.getBytes(StandardCharsets.ISO_8859_1), length, TYPE_TEXT);
                return;
            }
            commit(length, TYPE_TEXT);
            if (bodyAllowed()) {
                output.writeLatin1(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void send(byte[] bytes) {
        sendBytes(bytes, TYPE_BYTES);
    }

    @Override
    public void json(Object value) {
        try {
            server.json().write(jsonSink, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sendRaw(jsonSink.array(), jsonSink.size(), TYPE_JSON);
    }

    private void sendBytes(byte[] bytes, byte[] defaultType) {
        sendRaw(bytes, bytes.length, defaultType);
    }

    private void sendRaw(byte[] bytes, int length, byte[] defaultType) {
        try {
            if (compression != null && negotiate(length, defaultType) != AcceptEncoding.IDENTITY) {
                sendCompressed(bytes, length, defaultType);
                return;
            }
            commit(length, defaultType);
            if (bodyAllowed()) {
                output.write(bytes, 0, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OutputStream outputStream() {
        if (stream != null) {
            return stream;
        }
        try {
            int chosen = compression == null ? AcceptEncoding.IDENTITY : negotiate(declaredLength, null);
            if (!bodyAllowed()) {
                commit(declaredLength, null);
                discardingOut.reset();
                stream = discardingOut;
            } else if (chosen != AcceptEncoding.IDENTITY) {
                deflating().prepare(compression.acquire(), compression.giveBack, chosen, null, 0);
                stream = deflatingOut.begin(streamOfUnknownLength(null), false);
            } else if (declaredLength >= 0) {
                commit(declaredLength, null);
                stream = fixedOut.length(declaredLength);
            } else {
                stream = streamOfUnknownLength(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stream;
    }

    /** Commits a body of unknown length: chunked, or close-delimited for HTTP/1.0. */
    private ResponseBodyStream streamOfUnknownLength(byte[] defaultType) throws IOException {
        if (head.minorVersion() == 0) {
            closeAfter = true;
            commit(-1, defaultType);
            closeDelimitedOut.reset();
            return closeDelimitedOut;
        }
        commit(-1, defaultType);
        chunkedOut.reset();
        return chunkedOut;
    }

    /**
     * Decides, as the response commits, whether {@link #compression} applies: a compressible type,
     * no {@code Content-Encoding} or {@code Content-Range} of the handler's own, a body that is sent,
     * and a length unknown or at least the minimum. Every response that could have been compressed
     * gets {@code Vary: Accept-Encoding}, and a compressed one its {@code Content-Encoding}.
     *
     * @return the coding to apply, {@link AcceptEncoding#IDENTITY} for none
     */
    private int negotiate(long length, byte[] defaultType) {
        checkNotCommitted();
        String type = contentTypeSet ? headers.first("Content-Type")
                : defaultType == TYPE_TEXT ? "text/plain" : defaultType == TYPE_JSON ? "application/json" : null;
        if (status == 206 || !compression.typeAllowed(type) || headers.contains("Content-Encoding")
                || headers.contains("Content-Range")) {
            return AcceptEncoding.IDENTITY;
        }
        if (!variesByEncoding()) {
            headers.add("Vary", "Accept-Encoding");
        }
        if (coding == AcceptEncoding.IDENTITY || !bodyAllowed() || (length >= 0 && length < compression.minSize())) {
            return AcceptEncoding.IDENTITY;
        }
        headers.add("Content-Encoding", AcceptEncoding.token(coding));
        weakenETag();
        declaredLength = -1;
        return coding;
    }

    /** Whether the handler's own {@code Vary} already names {@code Accept-Encoding}, or is {@code *}. */
    private boolean variesByEncoding() {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase("Vary")) {
                String v = headers.value(i);
                for (int at = 0; at < v.length(); at++) {
                    if (v.charAt(at) == '*' || v.regionMatches(true, at, "Accept-Encoding", 0, 15)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A strong {@code ETag} promises identical bytes, which the compressed variant does not have: a
     * client that combined ranges by it ({@code If-Range}) would splice identity bytes into gzip
     * bytes. Weak, it still serves {@code If-None-Match}.
     */
    private void weakenETag() {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase("ETag") && !headers.value(i).startsWith("W/")) {
                headers.value(i, "W/" + headers.value(i));
            }
        }
    }

    /** Sends a whole body compressed: with a Content-Length when it compresses into one buffer, else streamed. */
    private void sendCompressed(byte[] bytes, int length, byte[] defaultType) throws IOException {
        long encoded = deflating().prepare(compression.acquire(), compression.giveBack, coding, bytes, length);
        if (encoded >= 0) {
            commit(encoded, defaultType);
            deflatingOut.begin(fixedOut.length(encoded), true);
        } else {
            deflatingOut.begin(streamOfUnknownLength(defaultType), true);
        }
    }

    private DeflatingBodyOutputStream deflating() {
        if (deflatingOut == null) {
            deflatingOut = new DeflatingBodyOutputStream(output);
        }
        return deflatingOut;
    }

    private boolean bodyAllowed() {
        return status != 204 && status != 205 && status != 304 && !"HEAD".equals(head.method());
    }

    private void checkNotCommitted() {
        if (committed) {
            throw new IllegalStateException("Response already committed");
        }
    }

    /**
     * Writes the status line and headers.
     *
     * @param contentLength the body length, or -1 for a streamed body of unknown length
     * @param defaultType the Content-Type line to send if the handler set none, or null
     */
    private void commit(long length, byte[] defaultType) throws IOException {
        checkNotCommitted();
        long contentLength = status == 205 ? 0 : length;
        committed = true;
        if (!keepAllowed || !head.keepAlive() || server.draining()) {
            closeAfter = true;
        }
        if (!body.finished() && !canSkipBody()) {
            closeAfter = true;
        }
        output.write(StatusLine.of(status));
        if (!dateSet) {
            output.write(DateHeader.line());
        }
        if (!contentTypeSet && defaultType != null) {
            output.write(defaultType);
        }
        headers.writeTo(output);
        if (echoRequestId && !headers.contains("X-Request-Id")) {
            output.write(REQUEST_ID);
            output.writeLatin1(requestId());
            output.crlf();
        }
        if (status != 204 && status != 304) {
            if (contentLength >= 0) {
                output.write(CONTENT_LENGTH);
                output.writeDecimal(contentLength);
                output.crlf();
            } else if (head.minorVersion() == 1) {
                output.write(TRANSFER_CHUNKED);
            }
        }
        if (closeAfter) {
            output.write(CONNECTION_CLOSE);
        } else if (head.minorVersion() == 0) {
            output.write(CONNECTION_KEEP_ALIVE);
        }
        output.crlf();
    }

    /** Whether an unread request body can be read and dropped after the handler. */
    private boolean canSkipBody() {
        boolean clientWaitsForContinue = head.expectContinue() && !continueSent && input.available() == 0;
        return !clientWaitsForContinue && body.drainable(config.maxDrainSize());
    }

    /**
     * Completes the response after the handler returned: sends an empty one if none was sent, ends a
     * streamed body, and skips an unread request body.
     *
     * @return whether the connection can serve another request
     */
    boolean finish() throws IOException {
        if (broken) {
            // A failed response that already left in part must not be terminated as if complete.
            return false;
        }
        if (!committed) {
            if (stream == null) {
                commit(0, null);
            }
        }
        if (stream != null && !stream.finish()) {
            closeAfter = true;
        }
        if (closeAfter || output.failed()) {
            return false;
        }
        if (!body.finished()) {
            try {
                // The unread rest must arrive within one header timeout, not drip for days.
                return body.drain(config.maxDrainSize(), System.nanoTime() + config.headerTimeout().toNanos());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Prepares to answer a failure: if nothing of this response has left the buffer, it is
     * discarded so an error response can replace it; otherwise the stream is beyond repair and the
     * connection must close without completing the response.
     *
     * @return whether an error response can be written
     */
    boolean resetForError(boolean close) {
        if (output.failed() || output.bytesWritten() > responseStart) {
            closeAfter = true;
            broken = true;
            return false;
        }
        output.truncate((int) (responseStart - output.bytesWritten()));
        resetResponse(keptOnError);
        closeAfter = close;
        return true;
    }

    /** The socket read failure behind {@code t}, if {@code t} is one; else null. */
    IOException inputFailure(Throwable t) {
        return t != null && t == input.failure() ? input.failure() : null;
    }

    /** Whether the client connection itself ended or failed during this exchange. */
    boolean connectionBroken() {
        return output.failed() || input.broken();
    }

    /** The client is gone or its body broke off: end the connection without answering. */
    void abandon() {
        closeAfter = true;
        broken = true;
    }

    /** The connection is closing: hands back a compressor a broken-off response still holds. */
    void release() {
        if (deflatingOut != null) {
            deflatingOut.abandon();
        }
    }

    /** Marks the connection to be closed after this response. */
    void closeAfterResponse() {
        closeAfter = true;
    }
}
