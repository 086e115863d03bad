package dev.aurora.internal.server;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.ServerConfig;
import dev.aurora.TlsInfo;
import dev.aurora.form.Form;
import dev.aurora.form.FormStream;
import dev.aurora.internal.form.FormReading;
import dev.aurora.internal.form.ReceivedForm;
import dev.aurora.internal.http.FileBody;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.PercentDecoding;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.http.RequestBody;
import dev.aurora.internal.http.RequestHead;
import dev.aurora.internal.http.RequestView;
import dev.aurora.internal.http.ResponseEncoding;
import dev.aurora.internal.http.ResponseHead;
import dev.aurora.internal.http.ResponseWriter.BodyType;
import dev.aurora.internal.http.ResponseWriter;
import dev.aurora.internal.json.JsonSink;
import dev.aurora.internal.mem.Arena;
import dev.aurora.internal.observe.RequestIds;
import dev.aurora.internal.observe.ServerCounters;
import dev.aurora.internal.observe.TraceParent;
import dev.aurora.internal.routing.Endpoint;
import dev.aurora.internal.routing.RouteMatch;
import dev.aurora.internal.tls.TlsDetails;
import dev.aurora.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSession;

/**
 * The {@link Context} of one request: a facade over the parts that do the work, each with one job:
 * <ul>
 *   <li>{@link RequestView}: the request line, query, header fields and cookies;</li>
 *   <li>{@link RequestBody}: the body, whole or streamed, {@code 100 Continue} and limits;</li>
 *   <li>{@link ResponseHead}: status and fields, and the rules of the fields Aurora manages;</li>
 *   <li>{@link ResponseWriter}: commit and framing, whole bodies, streams, finish, error reset;</li>
 *   <li>{@link FileBody}: zero-copy file bodies.</li>
 * </ul>
 * What is left here is the framework's share of a request: the matched route and its parameters,
 * attributes, the request id, trace context, what a trusted proxy said, and JSON.
 *
 * <p>Part of a connection's {@link Workspace}: reset for every request and handed from connection to
 * connection, so the steady state allocates nothing that the handler does not ask for. Runs on the
 * serving connection's virtual thread.
 */
final class Exchange implements Context {
    private static final int SCRATCH_INTS = 16;
    private static final int SCRATCH_BYTES = 1024;

    private final InputBuffer input;
    private final OutputBuffer output;
    private final ServerRuntime server;
    private final RequestView request;
    private final RequestBody body;
    private final ResponseHead response = new ResponseHead();
    private final ResponseWriter writer;
    private final FileBody files;
    private final JsonSink jsonSink = new JsonSink();
    /** The connection's TLS session, or null for plain HTTP; its details made on first ask. */
    private SSLSession tlsSession;
    private TlsInfo tlsInfo;
    private final Attributes attributes = new Attributes();
    /** Scratch space for decoding query and path parameters, reset for every request. */
    private final Arena scratch = new Arena(SCRATCH_INTS, SCRATCH_BYTES);
    private InetSocketAddress remoteAddress;
    private final RouteMatch match;
    /** Whether every response carries {@code X-Request-Id}. */
    private final boolean echoRequestId;
    private Endpoint<Handler> endpoint;
    /** The buffer base when the route matched: parameter offsets are absolute as of then. */
    private int matchBase;
    private String requestId;
    /** Set by {@code ForwardedHeaders} from a trusted proxy's headers; null when not. */
    private InetSocketAddress originClient;
    private String originScheme;
    private String originHost;
    private TraceParent traceParent;
    private boolean traceParsed;
    private String remoteHost;
    /** The request's form, once read whole, and its temporary files. */
    private ReceivedForm form;
    private FormStream formStream;
    /** The protocol the connection switches to after this exchange, or null. */
    private Upgrade upgrade;
    private UpgradeRequest upgradeRequest;

    /** An exchange serving no connection yet ({@link #bind} gives it one). */
    Exchange(ServerConfig config, InputBuffer input, OutputBuffer output, ServerRuntime server) {
        this.input = input;
        this.output = output;
        this.server = server;
        this.match = server.dispatcher().newMatch();
        this.echoRequestId = server.dispatcher().logging().requestIds();
        this.request = new RequestView(input, scratch);
        this.body = new RequestBody(input, config);
        this.writer = new ResponseWriter(output, response, body, server::draining,
                echoRequestId ? this::addRequestId : null);
        this.files = new FileBody(writer, null);
    }

    /** Serves the connection from {@code remoteAddress} from now on (a pooled exchange changing hands). */
    void bind(InetSocketAddress remoteAddress, SocketChannel fileTarget, SSLSession tlsSession) {
        this.remoteAddress = remoteAddress;
        this.remoteHost = null;
        this.tlsSession = tlsSession;
        this.tlsInfo = null;
        files.bind(fileTarget);
    }

    /** Starts the exchange for a freshly parsed head. */
    void begin(RequestHead head, boolean keepAllowed) {
        request.begin(head);
        body.begin(head);
        writer.begin(head, keepAllowed);
        endpoint = null;
        requestId = null;
        traceParent = null;
        traceParsed = false;
        originClient = null;
        originScheme = null;
        originHost = null;
        attributes.clear();
        upgrade = null;
        upgradeRequest = null;
    }

    /** Every response names its request id, unless the handler set one of its own. */
    private void addRequestId(ResponseHead head) {
        if (head.fields().first("X-Request-Id") == null) {
            head.fields().add("X-Request-Id", requestId());
        }
    }

    // ---- for the connection, the dispatcher and the bridges ----

    ServerCounters counters() {
        return server.counters();
    }

    RequestHead head() {
        return request.head();
    }

    RequestView request() {
        return request;
    }

    RequestBody requestBody() {
        return body;
    }

    ResponseHead response() {
        return response;
    }

    ResponseWriter writer() {
        return writer;
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
        return request.head().headLength() + body.received();
    }

    /** What a trusted proxy said about the original request; null parts leave the connection's own. */
    void origin(InetSocketAddress client, String scheme, String host) {
        originClient = client;
        originScheme = scheme;
        originHost = host;
    }

    /** Lets this response be encoded ({@code Compression}). */
    void encoding(ResponseEncoding encoding) {
        writer.encoding(encoding);
    }

    /** Sends part of a file as the whole body, zero-copy when it can; false, having changed nothing, when not. */
    boolean sendFile(FileChannel file, long position, long count) throws IOException {
        return files.send(file, position, count);
    }

    /** The socket read failure behind {@code t}, if {@code t} is one; else null. */
    IOException inputFailure(Throwable t) {
        return t != null && t == input.failure() ? input.failure() : null;
    }

    /** Whether the client connection itself ended or failed during this exchange. */
    boolean connectionBroken() {
        return writer.outputFailed() || input.broken();
    }

    // ---- a protocol upgrade (WebSocket) ----

    /**
     * Hands the connection to another protocol: no HTTP response follows this exchange. Once the
     * handler chain has returned, the connection gives its workspace back and runs {@code upgrade}
     * (see {@link Connection}), then closes. What the upgrade may read of this request is copied
     * now, while the buffer holds it.
     *
     * @return the output to write the {@code 101} head to
     * @throws IllegalStateException if the response has started or the exchange was taken over already
     */
    OutputBuffer takeOver(Upgrade upgrade) {
        if (this.upgrade != null) {
            throw new IllegalStateException("The connection is already taken over by another protocol");
        }
        if (response.committed()) {
            throw new IllegalStateException("The response has started; the connection cannot be upgraded");
        }
        writer.abandon();
        int count = endpoint == null ? 0 : endpoint.paramCount();
        String[] params = new String[2 * count];
        for (int i = 0; i < count; i++) {
            params[2 * i] = endpoint.paramName(i);
            params[2 * i + 1] = param(params[2 * i]);
        }
        this.upgradeRequest = UpgradeRequest.of(this, params, attributes.copy());
        this.upgrade = upgrade;
        return output;
    }

    /** The protocol to switch to once this exchange is done, or null (for the connection). */
    Upgrade upgrade() {
        return upgrade;
    }

    /** What the upgrade may read of the request; set with {@link #upgrade()}. */
    UpgradeRequest upgradeRequest() {
        return upgradeRequest;
    }

    // ---- Context: the request ----

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String path() {
        return request.path();
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
    public String query(String name) {
        return request.query(name);
    }

    @Override
    public List<String> queries(String name) {
        return request.queries(name);
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headers(name);
    }

    @Override
    public String cookie(String name) {
        return request.cookie(name);
    }

    @Override
    public String requestId() {
        if (requestId == null) {
            String offered = header("X-Request-Id");
            requestId = RequestIds.acceptable(offered) ? offered : RequestIds.next();
        }
        return requestId;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return originClient != null ? originClient : remoteAddress;
    }

    @Override
    public String scheme() {
        return originScheme != null ? originScheme : tlsSession != null ? "https" : "http";
    }

    /** @return the query as sent, bytes of 0x80 and above percent-encoded (for a Location), or null if none */
    String rawQuery() {
        RequestHead head = request.head();
        int length = head.queryLength();
        if (length < 0) {
            return null;
        }
        return PercentDecoding.escapeNonAscii(input.array(), input.base() + head.queryStart(), length);
    }

    @Override
    public TlsInfo tls() {
        SSLSession session = tlsSession;
        if (session == null) {
            return null;
        }
        TlsInfo info = tlsInfo;
        if (info == null) {
            info = TlsDetails.of(session);
            tlsInfo = info;
        }
        return info;
    }

    @Override
    public String host() {
        return originHost != null ? originHost : request.authority();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return (T) attributes.get(key);
    }

    @Override
    public Context attribute(String key, Object value) {
        attributes.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    @Override
    public byte[] body() {
        return body.bytes();
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        return readBody(type, false);
    }

    @Override
    public <T> T bodyAs(Type type) {
        return readBody(type, false);
    }

    /** Reads the body as JSON, refusing coercions when {@code strict} or the application says so. */
    <T> T readBody(Type type, boolean strict) {
        return server.json().readBody(body(), type, header("Content-Type"), method(), strict);
    }

    @Override
    public InputStream bodyStream() {
        return body.stream();
    }

    @Override
    public Form form() {
        if (form == null) {
            if (formStream != null) {
                throw new IllegalStateException("The form is being read with formStream()");
            }
            try {
                form = ReceivedForm.read(openForm(), server.forms());
            } catch (SocketTimeoutException e) {
                throw new ProtocolException(408, "Request body timed out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return form;
    }

    @Override
    public FormStream formStream() {
        if (form != null || formStream != null) {
            throw new IllegalStateException("The form was already read");
        }
        formStream = openForm();
        return formStream;
    }

    private FormStream openForm() {
        return FormReading.open(header("Content-Type"), method(), body.stream(), server.forms());
    }

    /** Ends the request's share of the exchange: deletes the temporary files of its form, if any. */
    void end() {
        ReceivedForm f = form;
        form = null;
        formStream = null;
        if (f != null) {
            f.close();
        }
    }

    // ---- Context: the response ----

    @Override
    public Context status(int code) {
        response.status(code);
        return this;
    }

    @Override
    public int status() {
        return response.status();
    }

    @Override
    public Context header(String name, String value) {
        response.add(name, value);
        return this;
    }

    @Override
    public Context setHeader(String name, String value) {
        response.set(name, value);
        return this;
    }

    @Override
    public Context removeHeader(String name) {
        response.remove(name);
        return this;
    }

    @Override
    public String responseHeader(String name) {
        return response.first(name);
    }

    @Override
    public void send(String text) {
        writer.send(text);
    }

    @Override
    public void send(byte[] bytes) {
        writer.send(bytes, BodyType.BYTES);
    }

    @Override
    public void json(Object value) {
        try {
            server.json().write(jsonSink, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.send(jsonSink.array(), jsonSink.size(), BodyType.JSON);
    }

    @Override
    public OutputStream outputStream() {
        return writer.stream();
    }

    @Override
    public void sse(SseHandler handler) throws Exception {
        server.sse().serve(this, handler);
    }
}
