package dev.aurora.examples.production;

import dev.aurora.Context;
import dev.aurora.Router;
import dev.aurora.Validated;
import dev.aurora.error.NotFoundException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /notes}: the small API the load tests and the rolling restart hit. Bodies and queries are
 * validated before a handler runs; every refusal is {@code application/problem+json}.
 */
final class NoteRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(NoteRoutes.class);
    private static final Validated<NoteInput> INPUT = Validated.body(NoteInput.class);
    private static final Validated<NoteQuery> QUERY = Validated.query(NoteQuery.class);

    private final NoteStore store;

    private NoteRoutes(NoteStore store) {
        this.store = store;
    }

    /** @return the routes, to include under {@code /notes} */
    static Router router(NoteStore store) {
        NoteRoutes notes = new NoteRoutes(store);
        return Router.create()
                .get("/", notes::list, QUERY)
                .post("/", notes::create, INPUT)
                .get("/:id", notes::read)
                .delete("/:id", notes::delete);
    }

    private void list(Context ctx) throws SQLException {
        ctx.json(store.newest(QUERY.get(ctx).limit()));
    }

    private void create(Context ctx) throws SQLException {
        Note note = store.create(INPUT.get(ctx).text());
        ctx.status(201).header("Location", "/notes/" + note.id()).json(note);
    }

    private void read(Context ctx) throws SQLException {
        ctx.json(store.find(ctx.param("id", long.class)));
    }

    private void delete(Context ctx) throws SQLException {
        long id = ctx.param("id", long.class);
        if (!store.delete(id)) {
            throw new NotFoundException("No note " + id);
        }
        // Deletions are rare and worth a trace; the line carries the request id (MDC).
        LOG.info("deleted note {}", id);
        ctx.status(204).send("");
    }
}
