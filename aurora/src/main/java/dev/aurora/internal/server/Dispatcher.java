package dev.aurora.internal.server;

import dev.aurora.ExceptionHandler;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.TrailingSlash;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.MethodNotAllowedException;
import dev.aurora.error.NotFoundException;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.RequestHead;
import dev.aurora.FormConfig;
import dev.aurora.internal.json.AppJson;
import dev.aurora.internal.load.HeapGuard;
import dev.aurora.internal.observe.RequestLogging;
import dev.aurora.internal.observe.RequestMdc;
import dev.aurora.internal.routing.DotSegments;
import dev.aurora.internal.routing.Endpoint;
import dev.aurora.internal.routing.MiddlewareChain;
import dev.aurora.internal.routing.RouteMatch;
import dev.aurora.internal.routing.RouteTree;
import java.util.List;
import java.util.Map;

/**
 * Picks the handler chain for a request and runs it: path checks (dot segments are refused, also
 * when hidden behind an encoded slash), the
 * trailing-slash policy, the route tree lookup, then the route's precomposed chain; or, when no
 * route answers, the application-wide middleware around the built-in answers (404, 405 with
 * {@code Allow}, OPTIONS with {@code Allow}, a 308 to the canonical slash form). Failures go to
 * {@link Failures}. A request whose head was {@linkplain RequestHead#refusal() refused} (a declared
 * body over the limit, say) is routed too, and its middleware runs, but the end of its chain
 * throws the refusal ({@link #unlessRefused}) instead of answering. With request ids on, all of it runs inside the request's MDC ({@link RequestMdc}).
 *
 * <p>Built once at start and shared by all connections; {@link #dispatch} runs on connection
 * threads and allocates nothing on the matched-route path.
 */
public final class Dispatcher {
    private static final byte[] ROOT = {'/'};

    private final RouteTree<Handler> tree;
    private final TrailingSlash trailingSlash;
    private final AppJson json;
    private final FormConfig forms;
    private final Failures failures;
    private final Handler notFound;
    private final Handler notAllowed;
    private final Handler badPath;
    private final Handler options;
    private final Handler asterisk;
    private final Handler redirect;
    private final RequestLogging logging;
    private final long bodyCeiling;

    /**
     * @param tree the routes, each value the route's whole chain (middleware and handler)
     * @param appMiddleware the application-wide middleware, which also wraps the built-in answers
     * @param logging request ids in the MDC and the access log, if wanted
     * @param bodyCeiling the largest body any route accepts: {@code maxBodySize}, or more when a
     *     route's {@code BodyLimit} raises it (see {@link RouteBodyLimits})
     */
    public Dispatcher(RouteTree<Handler> tree, List<Middleware> appMiddleware, TrailingSlash trailingSlash,
            Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers, AppJson json,
            FormConfig forms, RequestLogging logging, long bodyCeiling) {
        this.tree = tree;
        this.bodyCeiling = bodyCeiling;
        this.logging = logging;
        this.trailingSlash = trailingSlash;
        this.json = json;
        this.forms = forms;
        this.failures = new Failures(exceptionHandlers, json);
        this.notFound = answer(appMiddleware, ctx -> failures.respond((Exchange) ctx,
                new NotFoundException("No route matches " + ctx.path()), false));
        this.notAllowed = answer(appMiddleware, ctx -> failures.respond((Exchange) ctx,
                new MethodNotAllowedException("Method " + ctx.method() + " is not allowed for " + ctx.path()), false));
        this.badPath = answer(appMiddleware, ctx -> failures.respond((Exchange) ctx,
                new BadRequestException("Dot segments ('.' and '..') are not allowed in the path"), false));
        this.options = answer(appMiddleware, ctx -> ctx.header("Allow", ((Exchange) ctx).allow()).send(""));
        String allowAll = tree.allowAll();
        this.asterisk = answer(appMiddleware, ctx -> ctx.header("Allow", allowAll).send(""));
        this.redirect = answer(appMiddleware, ctx -> ctx.redirect(canonical((Exchange) ctx), 308));
    }

    /** A built-in answer behind the application-wide middleware; a refused request gets its refusal instead. */
    private static Handler answer(List<Middleware> appMiddleware, Handler answer) {
        return MiddlewareChain.compose(appMiddleware, unlessRefused(answer));
    }

    /**
     * Wraps the last link of a chain (a route's handler, a built-in answer): for a request whose
     * head is {@linkplain RequestHead#refusal() refused} it throws the refusal instead of running,
     * so the middleware before it (CORS, request ids, error handling) answers the refusal as it
     * would a handler's failure, and the handler never sees a request it cannot serve.
     */
    public static Handler unlessRefused(Handler handler) {
        return ctx -> {
            if (ctx instanceof Exchange exchange && exchange.head().refusal() != null) {
                throw exchange.head().refusal();
            }
            handler.handle(ctx);
        };
    }

    AppJson json() {
        return json;
    }

    FormConfig forms() {
        return forms;
    }

    RequestLogging logging() {
        return logging;
    }

    /** The largest body any route accepts, which the pre-routing {@code Content-Length} check allows. */
    long bodyCeiling() {
        return bodyCeiling;
    }

    RouteMatch newMatch() {
        return tree.newMatch();
    }

    void dispatch(Exchange exchange) {
        if (!logging.requestIds()) {
            run(exchange);
            return;
        }
        // Error handling runs inside too, so a failure's log line carries the request's ids.
        RequestMdc.open(exchange.requestId(), exchange.traceParent());
        try {
            run(exchange);
        } finally {
            RequestMdc.close();
        }
    }

    private void run(Exchange exchange) {
        try {
            select(exchange).handle(exchange);
        } catch (Throwable t) {
            // A deep recursion or an allocation too large for the heap is the request's fault and
            // has unwound with its frames: answer it. Other VM errors (InternalError) end the connection.
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError || t instanceof OutOfMemoryError)) {
                throw (VirtualMachineError) t;
            }
            if (t instanceof OutOfMemoryError) {
                HeapGuard.outOfMemoryUnwound();
            }
            failures.answer(exchange, t);
        }
    }

    private Handler select(Exchange exchange) {
        RequestHead head = exchange.head();
        if (head.asteriskForm()) {
            return asterisk;
        }
        InputBuffer input = exchange.input();
        byte[] b = input.array();
        int off = input.base() + head.pathStart();
        int len = head.pathLength();
        if (len == 0) {
            b = ROOT;
            off = 0;
            len = 1;
        }
        if (DotSegments.present(b, off, len)) {
            return badPath;
        }
        boolean slash = len > 1 && b[off + len - 1] == '/';
        Endpoint<Handler> endpoint = tree.find(b, off, slash ? len - 1 : len, exchange.match());
        if (endpoint == null) {
            return notFound;
        }
        if (slash && endpoint.catchAll()) {
            // A catch-all owns the rest of the path, trailing slash included ("dir/" for a file
            // server): no slash policy applies, and the value keeps the slash.
            Endpoint<Handler> whole = tree.find(b, off, len, exchange.match());
            if (whole == endpoint) {
                return handlerOf(endpoint, exchange);
            }
            tree.find(b, off, len - 1, exchange.match()); // another route took the slash form: back to the first match
        }
        if (slash != endpoint.trailingSlash() && trailingSlash != TrailingSlash.IGNORE) {
            if (trailingSlash == TrailingSlash.STRICT) {
                return notFound;
            }
            exchange.matched(endpoint);
            return redirect;
        }
        return handlerOf(endpoint, exchange);
    }

    /** The matched route's handler for the method, or the automatic OPTIONS / 405 answer. */
    private Handler handlerOf(Endpoint<Handler> endpoint, Exchange exchange) {
        exchange.matched(endpoint);
        String method = exchange.head().method();
        Handler handler = endpoint.handler(method);
        if (handler != null) {
            return handler;
        }
        return "OPTIONS".equals(method) ? options : notAllowed;
    }

    /** The request path in the slash form its route was registered with, plus the query. */
    private static String canonical(Exchange exchange) {
        String path = exchange.path();
        String canonical = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        // "//host/..." in Location would send the client to another host: keep one leading slash.
        int slashes = 0;
        while (slashes < canonical.length() && canonical.charAt(slashes) == '/') {
            slashes++;
        }
        if (slashes > 1) {
            canonical = canonical.substring(slashes - 1);
        }
        String query = exchange.rawQuery();
        return query == null ? canonical : canonical + "?" + query;
    }
}
