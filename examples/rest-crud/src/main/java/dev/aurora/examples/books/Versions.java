package dev.aurora.examples.books;

import dev.aurora.Context;
import dev.aurora.HttpDate;
import dev.aurora.Middleware;
import dev.aurora.error.PreconditionRequiredException;
import java.sql.SQLException;

/**
 * Optimistic concurrency for every write to an existing book (update, delete, cover upload).
 *
 * <p>A client sends back the {@code ETag} it read, in {@code If-Match}. Without one the write is
 * refused with {@code 428 Precondition Required}: a client that never read the book must not
 * overwrite it blindly (a choice; an API could also accept unconditional writes). With a stale one
 * {@code ctx.conditional} refuses it with {@code 412 Precondition Failed}. The store then changes
 * only the version that was checked, so a writer that slips in between the check and the
 * {@code UPDATE} still gets a {@code 412} rather than a lost update.
 */
final class Versions {
    /** Route middleware: {@code 428} unless the request has an {@code If-Match}. */
    static final Middleware REQUIRE_IF_MATCH = (ctx, next) -> {
        if (ctx.header("If-Match") == null) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag of the version you change (GET the book for it)");
        }
        next.handle(ctx);
    };

    private Versions() {
    }

    /**
     * The book the request changes, once its {@code If-Match} holds.
     *
     * @throws dev.aurora.error.NotFoundException ({@code 404}) for a book that does not exist
     * @throws dev.aurora.error.PreconditionFailedException ({@code 412}) when {@code If-Match} is stale
     */
    static Book checked(Context ctx, BookStore store) throws SQLException {
        Book current = store.find(ctx.param("id", long.class));
        ctx.conditional(current.etag(), current.updatedAt());
        return current;
    }

    /** Sends the changed book with its new validators: the client needs the tag for its next change. */
    static void sendNewVersion(Context ctx, Book changed) {
        ctx.header("ETag", changed.etag()).header("Last-Modified", HttpDate.format(changed.updatedAt())).json(changed);
    }
}
