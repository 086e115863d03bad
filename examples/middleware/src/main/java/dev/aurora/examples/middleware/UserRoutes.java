package dev.aurora.examples.middleware;

import dev.aurora.Context;
import dev.aurora.Router;
import dev.aurora.Validated;
import dev.aurora.error.NotFoundException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code users} router: an in-memory directory. Reading needs the scope {@code users:read}
 * (on the whole router), changing it {@code users:write} (on those routes), and every change is
 * audited.
 */
final class UserRoutes {
    private static final Validated<NewUser> NEW_USER = Validated.body(NewUser.class);
    private static final Audit AUDIT = new Audit();

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private UserRoutes() {
    }

    /** @return the routes, with their scopes; the caller adds the router's other middleware */
    static Router router() {
        UserRoutes directory = new UserRoutes();
        var write = BearerAuth.requireScope("users:write");
        return Router.create()
                .use(BearerAuth.requireScope("users:read"))
                .get("/", directory::list)
                .get("/:id", directory::read)
                .post("/", directory::create, write, AUDIT, NEW_USER)
                .delete("/:id", directory::delete, write, AUDIT);
    }

    private void list(Context ctx) {
        ctx.json(users.values().stream().sorted(Comparator.comparingLong(User::id)).toList());
    }

    private void read(Context ctx) {
        ctx.json(find(ctx.param("id", long.class)));
    }

    private void create(Context ctx) {
        NewUser posted = NEW_USER.get(ctx);
        User user = new User(ids.incrementAndGet(), posted.name(), posted.email());
        users.put(user.id(), user);
        ctx.status(201).header("Location", "/api/v1/users/" + user.id()).json(user);
    }

    private void delete(Context ctx) {
        long id = ctx.param("id", long.class);
        if (users.remove(id) == null) {
            throw new NotFoundException("No user " + id);
        }
        ctx.status(204).send("");
    }

    private User find(long id) {
        User user = users.get(id);
        if (user == null) {
            throw new NotFoundException("No user " + id);
        }
        return user;
    }
}
