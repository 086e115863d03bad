package dev.aurora;

import dev.aurora.internal.controller.QueryRecordBinder;
import dev.aurora.internal.server.ExchangeAccess;
import dev.aurora.schema.Schema;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Middleware that binds and validates the request body or query string before the handler runs,
 * then hands the value over, typed: {@link #get(Context)}. An invalid request never reaches the
 * handler; it gets {@code 400 application/problem+json} with an {@code errors} array (see {@link
 * ValidationException}).
 *
 * <pre>{@code
 * record Order(@Required String customer, @Range(min = 1, max = 99) int quantity) { }
 * record Search(@Required @Length(max = 100) String q, @Range(min = 1, max = 50) Integer limit,
 *               List<String> tag, Optional<Sort> sort) { }
 *
 * var order = Validated.body(Order.class);
 * app.post("/orders", ctx -> ctx.status(201).json(orders.save(order.get(ctx))), order);
 *
 * var search = Validated.query(Search.class);
 * app.get("/search", ctx -> ctx.json(index.find(search.get(ctx))), search);
 * }</pre>
 *
 * <p>Everything reflective is done by the factory, once: annotation misuse, a component no query
 * parameter converts to, or an unreachable constructor fail there, naming type and member. An
 * instance is immutable and may serve any number of routes and requests at once.
 *
 * @param <T> the type of the validated value
 */
public final class Validated<T> implements Middleware {
    private final Class<T> type;
    private final String source;
    private final Function<Context, T> binder;
    /** Where the value waits for the handler; one per source and type, so any instance finds it. */
    private final String key;

    private Validated(Class<T> type, String source, Function<Context, T> binder) {
        this.type = type;
        this.source = source;
        this.binder = binder;
        this.key = Validated.class.getName() + "." + source + ":" + type.getName();
    }

    /**
     * Validates the JSON request body, read like {@link Context#bodyAs(Class)} but strictly: no
     * coercions ({@link dev.aurora.json.JsonCodec#readStrict}), so {@code "year": 1.5} for an
     * {@code int} or {@code 123} for a {@code String} is a {@code type} violation at its JSON
     * Pointer, as an unknown field is an {@code unknown} one. Malformed JSON is a {@code 400}
     * naming line and column; a {@code Content-Type} other than JSON a {@code 415}. The bound value
     * is then checked against its schema annotations. An empty body or a JSON {@code null} is a
     * {@code required} violation at {@code ""}.
     *
     * @param type the class to bind to
     * @param <T> the body type
     * @return the middleware; register it on the route and read the value with {@link #get}
     * @throws IllegalArgumentException if a schema annotation on {@code type} is misused
     */
    public static <T> Validated<T> body(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Schema.of(type); // annotation misuse fails here, at registration
        return new Validated<>(type, "body", ctx -> {
            T value = ctx.body().length == 0 ? null : ExchangeAccess.strictBody(ctx, type);
            if (value == null) {
                throw new ValidationException(List.of(new Violation("", "required", "a JSON body is required")));
            }
            return value;
        });
    }

    /**
     * Validates the query string as a record: each component is bound to the query parameter of
     * the same name, converted, and the record is checked against its schema annotations.
     *
     * <ul>
     *   <li>Component types: {@code String}, {@code int}, {@code long}, {@code double},
     *       {@code boolean} (or their wrappers), {@code UUID}, an enum (matched ignoring case), or
     *       an {@code Optional}, {@code List} or {@code Set} of one of those. A {@code List} or
     *       {@code Set} takes every value of a repeated parameter; any other type its first.</li>
     *   <li>Absent (missing, or empty for a non-{@code String} component): {@code null},
     *       {@code Optional.empty()} or an empty collection; {@code @Required} then rejects it if
     *       it must be there. A primitive component must be present. Defaults belong in the
     *       compact constructor: {@code if (limit == null) limit = 20;}.</li>
     *   <li>A value that does not convert is a {@code type} violation naming the parameter
     *       ({@code /limit}, or {@code /tag/2} for the third value), all of them reported at
     *       once; an {@code IllegalArgumentException} from the compact constructor an
     *       {@code invalid} violation at {@code ""} with its message.</li>
     *   <li>Query parameters no component names are ignored: browsers, proxies and analytics add
     *       their own (such as {@code utm_source}), and refusing them would break links.</li>
     * </ul>
     *
     * @param type a record whose component names are the query parameter names
     * @param <T> the record type
     * @return the middleware; register it on the route and read the value with {@link #get}
     * @throws IllegalArgumentException naming type and component if a component's type cannot be
     *     bound, a schema annotation is misused, or the constructor is not accessible
     */
    public static <T extends Record> Validated<T> query(Class<T> type) {
        Objects.requireNonNull(type, "type");
        QueryRecordBinder<T> binder = QueryRecordBinder.of(type);
        return new Validated<>(type, "query", binder::bind);
    }

    /**
     * Binds and validates, then calls the rest of the chain with the value available to {@link
     * #get}.
     *
     * @throws ValidationException ({@code 400}) if the value is invalid; the handler is not called
     */
    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        ctx.attribute(key, binder.apply(ctx));
        next.handle(ctx);
    }

    /**
     * {@return the validated value of this request}
     *
     * @param ctx the current request, in a handler or middleware that runs after this one
     * @throws IllegalStateException if this middleware has not run for the request, naming the type
     */
    public T get(Context ctx) {
        Object value = ctx.attribute(key);
        if (value == null) {
            throw new IllegalStateException("No validated " + source + " of type " + type.getName()
                    + " for this request: register Validated." + source + "(" + type.getSimpleName()
                    + ".class) as middleware of the route before its handler calls get");
        }
        return type.cast(value);
    }

    /** {@return the validated type} */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return "Validated." + source + "(" + type.getName() + ")";
    }
}
