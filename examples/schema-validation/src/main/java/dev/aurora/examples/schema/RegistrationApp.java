package dev.aurora.examples.schema;

import dev.aurora.Aurora;
import dev.aurora.Context;
import dev.aurora.ServerConfig;
import dev.aurora.Validated;
import dev.aurora.error.NotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conference registrations, validated before any handler runs: the body against the schema
 * annotations of {@link Registration} (nested {@link Address} and {@link Attendee} records, a
 * list and a map of them), then the record's own rules (dates, unique addresses); the query of a search
 * against those of {@link Search}. Every refusal is {@code 400 application/problem+json} with
 * one entry per bad value, each at its JSON Pointer.
 *
 * <p>Run: {@code ./mvnw -q -pl examples/schema-validation -am -DskipTests package exec:exec}, then
 * see the README for requests. Stops gracefully on Ctrl-C or SIGTERM.
 */
public final class RegistrationApp {
    /** Loopback only, port 8080, bodies of 64 KiB at most. */
    public static final ServerConfig DEFAULTS = ServerConfig.defaults()
            .withHost("127.0.0.1").withPort(8080).withMaxBodySize(64 * 1024);

    private static final Validated<Registration> REGISTRATION = Validated.body(Registration.class);
    private static final Validated<Search> SEARCH = Validated.query(Search.class);

    private final Map<Long, Registered> registrations = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private RegistrationApp() {
    }

    /**
     * Builds the application without starting it (tests start it on port 0), with no
     * registrations.
     *
     * @param config the server configuration
     * @return the application
     */
    public static Aurora create(ServerConfig config) {
        RegistrationApp app = new RegistrationApp();
        return Aurora.create(config)
                .post("/registrations", app::register, REGISTRATION)
                .get("/registrations", app::search, SEARCH)
                .get("/registrations/:id", app::read);
    }

    private void register(Context ctx) {
        Registered stored = new Registered(ids.incrementAndGet(), Instant.now(), REGISTRATION.get(ctx));
        registrations.put(stored.id(), stored);
        ctx.status(201).header("Location", "/registrations/" + stored.id()).json(stored);
    }

    private void search(Context ctx) {
        Search search = SEARCH.get(ctx);
        Comparator<Registered> order = Comparator.comparingLong(Registered::id);
        if (search.order().orElse(Search.Order.NEWEST) == Search.Order.NEWEST) {
            order = order.reversed();
        }
        ctx.json(registrations.values().stream()
                .filter(r -> matches(search, r.registration()))
                .sorted(order)
                .limit(search.limit())
                .toList());
    }

    private static boolean matches(Search search, Registration r) {
        return (search.company() == null
                        || r.company().toLowerCase(Locale.ROOT).contains(search.company().toLowerCase(Locale.ROOT)))
                && (search.country().isEmpty() || search.country().contains(r.billing().country()))
                && (search.ticket() == null || r.attendees().stream()
                        .anyMatch(a -> a.ticket().equals(search.ticket())));
    }

    private void read(Context ctx) {
        long id = ctx.param("id", long.class);
        Registered registered = registrations.get(id);
        if (registered == null) {
            throw new NotFoundException("No registration " + id);
        }
        ctx.json(registered);
    }

    /**
     * @param args optional port
     */
    public static void main(String[] args) {
        ServerConfig config = args.length > 0 ? DEFAULTS.withPort(Integer.parseInt(args[0])) : DEFAULTS;
        Aurora app = create(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start();
    }
}
