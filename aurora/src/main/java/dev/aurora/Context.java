package dev.aurora;

import dev.aurora.form.Form;
import dev.aurora.form.FormStream;
import dev.aurora.internal.conditional.ConditionalResponse;
import dev.aurora.internal.controller.RequestValues;
import dev.aurora.sse.SseEmitter;
import dev.aurora.sse.SseHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One request and its response, handed to a {@link Handler}. Valid only while the handler runs and
 * only on the thread that runs it; the object is reused for the connection's next request.
 *
 * <p>Request data is read lazily from the connection's buffer: nothing becomes a {@code String}
 * until asked for. A response is sent once, either whole ({@link #send(String)},
 * {@link #send(byte[])}, {@link #json(Object)}) or streamed ({@link #outputStream()}).
 */
public interface Context {

    /** {@return the request method, case-sensitive as sent ({@code GET}, {@code POST}, ...)} */
    String method();

    /** {@return the request path without the query, still percent-encoded; {@code "/"} at least} */
    String path();

    /**
     * {@return the pattern of the route that matched, e.g. {@code /users/:id} (bounded cardinality,
     *     unlike the path); {@code null} when no route matched}
     */
    String routePattern();

    /**
     * {@return its percent-decoded value, or {@code null} if the route has no such parameter}
     *
     * @param name a path parameter of the matched route, e.g. {@code id} for {@code /users/:id}
     */
    String param(String name);

    /**
     * A path parameter converted to {@code type}: {@code long id = ctx.param("id", long.class)}.
     * Types: String, int, long, double, boolean (or their wrappers), BigDecimal, UUID, the ISO-8601
     * {@code java.time} types (LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant,
     * Duration) and enums (by name, case-insensitive unless two constants differ only in case).
     *
     * @param name a path parameter of the matched route
     * @param type the type to convert to
     * @param <T> that type
     * @return the converted value
     * @throws dev.aurora.error.BadRequestException ({@code 400}) when the value does not fit,
     *     with a message naming the parameter, e.g. {@code Path parameter id must be a long}
     * @throws IllegalArgumentException when the route has no such parameter, or {@code type} is
     *     not one of the above (a programming error: {@code 500})
     */
    default <T> T param(String name, Class<T> type) {
        String value = param(name);
        if (value == null) {
            throw new IllegalArgumentException("The route " + routePattern() + " has no path parameter " + name);
        }
        return RequestValues.convert(type, "Path parameter", name, value);
    }

    /**
     * {@return the first decoded value of that parameter, or {@code null}}
     *
     * @param name a query parameter name (compared after percent-decoding)
     */
    String query(String name);

    /**
     * The first value of a query parameter converted to {@code type} (the types of
     * {@link #param(String, Class)}): {@code Optional<LocalDate> since = ctx.query("since", LocalDate.class)}.
     *
     * @param name a query parameter name
     * @param type the type to convert to
     * @param <T> that type
     * @return the converted value, or empty when the parameter is absent
     * @throws dev.aurora.error.BadRequestException ({@code 400}) when the value does not fit,
     *     e.g. {@code Query parameter page must be an int}
     * @throws IllegalArgumentException when {@code type} is not supported
     */
    default <T> Optional<T> query(String name, Class<T> type) {
        String value = query(name);
        return value == null ? Optional.empty() : Optional.of(RequestValues.convert(type, "Query parameter", name, value));
    }

    /**
     * The first value of a query parameter converted to {@code type}, or a default when it is
     * absent: {@code int page = ctx.query("page", int.class, 1)}. A value that is present but does
     * not fit is a {@code 400}, not the default.
     *
     * @param name a query parameter name
     * @param type the type to convert to
     * @param defaultValue what an absent parameter gives
     * @param <T> that type
     * @return the converted value, or {@code defaultValue}
     * @throws dev.aurora.error.BadRequestException ({@code 400}) when the value does not fit
     * @throws IllegalArgumentException when {@code type} is not supported
     */
    default <T> T query(String name, Class<T> type, T defaultValue) {
        String value = query(name);
        return value == null ? defaultValue : RequestValues.convert(type, "Query parameter", name, value);
    }

    /**
     * {@return every decoded value of that parameter in order; empty if absent}
     *
     * @param name a query parameter name
     */
    List<String> queries(String name);

    /**
     * {@return the value of that cookie in the {@code Cookie} header, or {@code null}}
     *
     * @param name a cookie name
     */
    String cookie(String name);

    /**
     * {@return this request's id: the client's {@code X-Request-Id} if it is 1-128 characters of
     *     letters, digits, {@code . _ : -}; otherwise one generated on first use}
     *
     * <p>Error logs and 500 problem bodies carry it, so a client's report can be found in the
     * logs; {@link Aurora#requestIds()} also puts it in every response, problem body and the MDC.
     */
    String requestId();

    /**
     * {@return the client's address: the TCP peer, or, behind a trusted proxy and with
     *     {@code ForwardedHeaders} registered, the client the proxy named}
     */
    InetSocketAddress remoteAddress();

    /**
     * {@return {@code https} on a connection that arrived over TLS, else {@code http}; or what a
     *     trusted proxy said the client used ({@code https} behind a TLS-terminating load balancer,
     *     with {@code ForwardedHeaders} registered). The scheme of an absolute-form target is not
     *     taken: any client can write {@code https://} there}
     */
    String scheme();

    /**
     * What the TLS handshake settled for this connection: protocol, cipher suite, the host name the
     * client asked for (SNI) and, with mutual TLS, the client's certificate chain.
     *
     * @return the connection's TLS details, or null on a plain HTTP connection (or one whose TLS a
     *     proxy terminated)
     */
    default TlsInfo tls() {
        return null;
    }

    /**
     * {@return the host (and port, if given) the client asked for, such as {@code shop.example:8443}:
     *     the authority of an absolute-form target ({@code GET http://shop.example/ HTTP/1.1}, which
     *     RFC 9112 section 3.2.2 puts before {@code Host}), else the request's {@code Host} field; or
     *     what a trusted proxy said it was; null if none was sent}
     */
    String host();

    /**
     * Per-request storage, for middleware to hand data to later middleware and handlers.
     *
     * @param key the attribute name
     * @param <T> the expected type (unchecked)
     * @return the value stored under {@code key}, or {@code null}
     */
    <T> T attribute(String key);

    /**
     * Stores a per-request attribute, or removes it.
     *
     * @param key the attribute name
     * @param value the value; {@code null} removes the attribute
     * @return this context
     */
    Context attribute(String key, Object value);

    /**
     * {@return the first value of that header with surrounding whitespace removed, or {@code null}}
     *
     * @param name a header name, case-insensitive
     */
    String header(String name);

    /**
     * {@return every value of that header in the order received; empty if absent}
     *
     * @param name a header name, case-insensitive
     */
    List<String> headers(String name);

    /**
     * Reads the whole request body. Bodies above the configured {@code maxBodySize} are refused with
     * {@code 413} before they are read.
     *
     * @return the body bytes; empty if there is none
     */
    byte[] body();

    /** {@return the body decoded as UTF-8} */
    default String bodyString() {
        return new String(body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads the body as JSON with the application's {@code ObjectMapper}, then validates the value
     * against its {@code dev.aurora.schema} annotations ({@code @Required}, {@code @Range}, ...),
     * nested objects and collection elements included.
     *
     * @param type the class to bind to
     * @param <T> the result type
     * @return the bound, valid value
     * @throws dev.aurora.error.BadRequestException for malformed JSON (naming line and column), a
     *     value that does not fit the type (naming the field), or an unknown field
     * @throws dev.aurora.schema.ValidationException ({@code 400} with an {@code errors} array) if
     *     the value breaks its constraints
     */
    <T> T bodyAs(Class<T> type);

    /**
     * Like {@link #bodyAs(Class)}, for generic types such as {@code List<User>}.
     *
     * @param type the type to bind to
     * @param <T> the result type
     * @return the bound value
     */
    <T> T bodyAs(Type type);

    /**
     * The request body as a stream, for uploads too large to hold in memory. Bytes are decoded from
     * the connection as they are read (Content-Length or chunked framing).
     *
     * @return the body stream; at end of body it returns -1
     */
    InputStream bodyStream();

    /**
     * Reads the body as a form, {@code application/x-www-form-urlencoded} or
     * {@code multipart/form-data}, with the application's {@link FormConfig} limits; read once,
     * the same form on later calls. Files above the memory threshold wait in temporary files,
     * deleted when the request ends however it ends (an exception, a client that went away).
     *
     * @return the form's fields and files
     * @throws dev.aurora.error.UnsupportedMediaTypeException ({@code 415}, with {@code Accept-Post}
     *     or {@code Accept-Patch}) when the body is not a form
     * @throws dev.aurora.error.PayloadTooLargeException ({@code 413}) past a form or body limit,
     *     naming it
     * @throws dev.aurora.error.BadRequestException ({@code 400}) for a malformed body
     */
    Form form();

    /**
     * Reads the body as a form part by part, for uploads that should go straight where they belong
     * without being held in memory or spooled: see {@link FormStream}. Use either this or
     * {@link #form()} for one request, not both.
     *
     * @return the form's parts, read as the handler asks for them
     * @throws dev.aurora.error.UnsupportedMediaTypeException ({@code 415}) when the body is not a form
     */
    FormStream formStream();

    /**
     * Sets the response status (200 by default).
     *
     * @param code 200-599
     * @return this context
     */
    Context status(int code);

    /** {@return the response status set so far} */
    int status();

    /**
     * Adds a response header. Aurora owns the framing headers ({@code Content-Length} is computed,
     * {@code Transfer-Encoding} is refused); {@code Connection: close} closes the connection after
     * this response.
     *
     * <p>A value is Latin-1 text: visible characters, spaces, tabs and {@code U+0080-U+00FF}
     * (RFC 9110 section 5.5). CR, LF, NUL, other control characters and anything above
     * {@code U+00FF} are refused here, where the header is set, with a message naming the header,
     * the character and its index. For a file name in any script use {@link #attachment(String)}
     * or {@link ContentDisposition}; other text must be encoded by its own rules (percent-encoding,
     * RFC 8187).
     *
     * @param name a header name (a token)
     * @param value a value without CR, LF or other control characters, each char at most {@code U+00FF}
     * @return this context
     * @throws IllegalArgumentException for an invalid name or value
     */
    Context header(String name, String value);

    /**
     * Sets a response header, replacing every value set for it before (by this handler or by
     * middleware that ran earlier). Values are checked as by {@link #header(String, String)}.
     *
     * @param name a header name (a token)
     * @param value a value without CR, LF or other control characters, each char at most {@code U+00FF}
     * @return this context
     * @throws IllegalArgumentException for an invalid name or value, or a framing header
     */
    Context setHeader(String name, String value);

    /**
     * Removes every value of a response header set so far.
     *
     * @param name a header name
     * @return this context
     * @throws IllegalArgumentException for {@code Connection} or {@code Transfer-Encoding}, which
     *     Aurora manages
     */
    Context removeHeader(String name);

    /**
     * {@return the first value of that response header set so far, or null}
     *
     * @param name a header name, in any case
     */
    String responseHeader(String name);

    /**
     * Sets the {@code Content-Type} of the response. A {@code 204} or {@code 304}, which has no
     * content to describe, is sent without it.
     *
     * @param type a media type, e.g. {@code text/html; charset=utf-8}
     * @return this context
     */
    default Context contentType(String type) {
        return header("Content-Type", type);
    }

    /**
     * Makes the browser download the response as a file of that name, in any script: sets
     * {@code Content-Disposition} to {@link ContentDisposition#attachment(String)}, replacing any
     * value set before. {@code ctx.attachment("表紙.png").send(bytes)}.
     *
     * @param filename the name to suggest
     * @return this context
     * @throws IllegalArgumentException if {@code filename} is empty
     */
    default Context attachment(String filename) {
        return setHeader("Content-Disposition", ContentDisposition.attachment(filename));
    }

    /**
     * Adds a {@code Set-Cookie} header.
     *
     * @param cookie the cookie and its attributes
     * @return this context
     */
    default Context cookie(Cookie cookie) {
        return header("Set-Cookie", cookie.toSetCookie());
    }

    /**
     * Answers a conditional request (RFC 9110 section 13) for the current state of the resource,
     * given its validators; call it once the resource is found and before changing or sending it.
     *
     * <pre>{@code
     * app.get("/orders/:id", ctx -> {
     *     Order order = orders.find(ctx.param("id", long.class));
     *     if (ctx.conditional(ETag.strong("v" + order.version()), order.updatedAt())) {
     *         return;                                   // 304 sent
     *     }
     *     ctx.json(order);                              // 200 with ETag and Last-Modified
     * });
     * app.put("/orders/:id", ctx -> {
     *     Order order = orders.find(ctx.param("id", long.class));
     *     ctx.conditional(ETag.strong("v" + order.version()), order.updatedAt()); // 412 if stale
     *     ctx.json(orders.update(order, ctx.bodyAs(OrderChange.class)));
     * });
     * }</pre>
     *
     * The preconditions are evaluated in the RFC's order (section 13.2.2):
     * <ol>
     *   <li>{@code If-Match}, by strong comparison ({@code *} matches: the resource exists), or
     *       when absent {@code If-Unmodified-Since}: if it fails, {@code 412};</li>
     *   <li>{@code If-None-Match}, by weak comparison, or when absent and for GET and HEAD only
     *       {@code If-Modified-Since}: if it fails, {@code 304} for GET and HEAD, and for other
     *       methods {@code 412} (so {@code If-None-Match: *} guards against overwriting).</li>
     * </ol>
     * A {@code 304} is sent here, with the validators and whatever fields were set before
     * ({@code Cache-Control}, {@code Vary}, {@code Expires}, ...) but no {@code Content-Type} or
     * body; {@code 412} is thrown as a {@link dev.aurora.error.PreconditionFailedException}, so it
     * is answered in the application's problem format. Otherwise the handler goes on; for GET and
     * HEAD the validators are set as the {@code ETag} and {@code Last-Modified} response headers.
     * For other methods nothing is set, since the validators describe the state the request is
     * about to change: a write that wants to tell the client its new version sets them itself
     * ({@code ctx.setHeader("ETag", changed.etag())}, {@link HttpDate#format HttpDate.format} for
     * {@code Last-Modified}).
     *
     * <p>Lists ({@code "a", "b"}) and several field lines are read as one list; a date field that
     * is not one valid HTTP-date is ignored, as the RFC says, and a malformed entity-tag list
     * matches nothing (a garbled {@code If-Match} fails). Dates compare at second precision, and
     * a modification time in the future is sent as now. CONNECT, OPTIONS and TRACE ignore every
     * precondition. Under {@code Compression}, which weakens the strong tag of a compressed
     * response, {@code If-Match} also accepts that weak form of the strong tag; and a 304 gets
     * the {@code Vary} and weak tag of a compressed 200 when the {@code Content-Type} the 200
     * will have is set before this call.
     *
     * <p>Call it only for a resource that exists. For one that does not, {@code If-Match} fails
     * and {@code If-None-Match: *} holds: check those two fields directly.
     *
     * @param etag the current entity-tag, quotes included: {@code "\"v3\""} or {@code W/"v3"}
     *     (see {@link ETag}); null when the resource has none
     * @param lastModified when the resource last changed, or null when unknown
     * @return true when the response was sent ({@code 304}) and the handler should return; false
     *     when the request goes on (always, for methods other than GET and HEAD)
     * @throws dev.aurora.error.PreconditionFailedException ({@code 412}) when a precondition fails
     * @throws IllegalArgumentException when {@code etag} is not an entity-tag (unquoted, say)
     */
    default boolean conditional(String etag, Instant lastModified) {
        return ConditionalResponse.answer(this, etag, lastModified);
    }

    /**
     * Sends a {@code 302 Found} redirect.
     *
     * @param location the target URI, absolute or relative
     */
    default void redirect(String location) {
        redirect(location, 302);
    }

    /**
     * Sends a redirect.
     *
     * @param location the target URI, absolute or relative
     * @param status a 3xx status, e.g. 301, 303, 307 or 308
     * @throws IllegalArgumentException if {@code status} is not 3xx
     */
    default void redirect(String location, int status) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("Redirect status must be 3xx: " + status);
        }
        status(status).header("Location", location).send("");
    }

    /**
     * Sends {@code body} as UTF-8; {@code Content-Type} defaults to {@code text/plain; charset=utf-8}
     * (for a body that is not empty: an empty response has no type unless set).
     *
     * @param body the response body
     */
    void send(String body);

    /**
     * Sends {@code body}; {@code Content-Type} defaults to {@code application/octet-stream} (for a
     * body that is not empty).
     *
     * @param body the response body
     */
    void send(byte[] body);

    /**
     * Serializes {@code value} with Jackson and sends it as {@code application/json}.
     *
     * @param value any value Jackson can serialize
     */
    void json(Object value);

    /**
     * Starts a streamed response: the status and headers are sent, then the body as it is written,
     * with chunked coding (or, for HTTP/1.0 clients, until the connection closes). Setting a
     * {@code Content-Length} header before calling this sends a fixed-length body instead, which
     * must then be written in full. Closing the stream (or returning from the handler) ends the
     * response.
     *
     * @return the body stream
     */
    OutputStream outputStream();

    /**
     * Answers with a Server-Sent Events stream ({@code text/event-stream}) and runs {@code handler}
     * with its emitter on this thread until the handler returns; then the response ends. The
     * status and headers set so far are sent first, with {@code Content-Type: text/event-stream}
     * and {@code Cache-Control: no-cache}; the body is chunked (close-delimited for HTTP/1.0). For a
     * {@code HEAD} request only the headers are sent and the handler does not run. See
     * {@link SseEmitter} for threads, heartbeats and how a stream closes.
     *
     * @param handler sends the events
     * @throws Exception what the handler throws
     */
    void sse(SseHandler handler) throws Exception;
}
