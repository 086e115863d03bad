package dev.aurora.examples.books;

import dev.aurora.Context;
import dev.aurora.Router;
import dev.aurora.Validated;
import java.sql.SQLException;

/**
 * {@code /books}: list with filters and pages, create, read, replace and delete.
 *
 * <p>Bodies and queries are bound and validated by {@link Validated} before a handler runs, so
 * handlers only see valid values and every refusal is a {@code 400 application/problem+json}
 * listing each bad value at its JSON Pointer. Reads answer {@code If-None-Match} with {@code 304};
 * writes go through {@link Versions}.
 */
final class BookRoutes {
    private static final Validated<BookInput> INPUT = Validated.body(BookInput.class);
    private static final Validated<BookQuery> QUERY = Validated.query(BookQuery.class);

    private final BookStore store;

    private BookRoutes(BookStore store) {
        this.store = store;
    }

    /** @return the routes, to include under {@code /books} */
    static Router router(BookStore store) {
        BookRoutes books = new BookRoutes(store);
        return Router.create()
                .get("/", books::list, QUERY)
                .post("/", books::create, INPUT)
                .get("/:id", books::read)
                .put("/:id", books::replace, Versions.REQUIRE_IF_MATCH, INPUT)
                .delete("/:id", books::delete, Versions.REQUIRE_IF_MATCH);
    }

    private void list(Context ctx) throws SQLException {
        ctx.json(store.list(QUERY.get(ctx)));
    }

    private void create(Context ctx) throws SQLException {
        Book book = store.create(INPUT.get(ctx));
        ctx.status(201).header("Location", "/books/" + book.id()).header("ETag", book.etag()).json(book);
    }

    private void read(Context ctx) throws SQLException {
        Book book = store.find(ctx.param("id", long.class));
        // Caches may keep it, but must ask each time; the answer is a 304 while the ETag holds.
        ctx.header("Cache-Control", "private, no-cache").contentType("application/json");
        if (ctx.conditional(book.etag(), book.updatedAt())) {
            return;
        }
        ctx.json(book);
    }

    private void replace(Context ctx) throws SQLException {
        Book current = Versions.checked(ctx, store);
        Versions.sendNewVersion(ctx, store.update(current.id(), current.version(), INPUT.get(ctx)));
    }

    private void delete(Context ctx) throws SQLException {
        Book current = Versions.checked(ctx, store);
        store.delete(current.id(), current.version());
        ctx.status(204).send("");
    }
}
