package dev.aurora.examples.books;

import dev.aurora.ContentDisposition;
import dev.aurora.Context;
import dev.aurora.Router;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.UnsupportedMediaTypeException;
import dev.aurora.form.FormFile;
import dev.aurora.middleware.BodyLimit;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /books/:id/cover}: a multipart upload ({@code PUT}, field {@code cover}) and its download.
 *
 * <p>The cover is part of the book's state (the book's {@code cover} member), so an upload is a
 * new version of the book: it needs the book's {@code If-Match} like any other write, and stores
 * the image and bumps the version in one transaction. The download has an {@code ETag} of its own,
 * made from the bytes, and answers {@code If-None-Match} with {@code 304}.
 */
final class CoverRoutes {
    /** The largest cover accepted: larger files get {@code 413} naming the field. */
    static final long MAX_SIZE = 2 * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** Room for the multipart framing around the file. */
    private static final long MAX_BODY = MAX_SIZE + 16 * 1024;

    private final BookStore store;

    private CoverRoutes(BookStore store) {
        this.store = store;
    }

    /** Adds the cover routes to the router of {@code /books}. */
    static void register(Router books, BookStore store) {
        CoverRoutes covers = new CoverRoutes(store);
        books.put("/:id/cover", covers::upload, Versions.REQUIRE_IF_MATCH, BodyLimit.of(MAX_BODY))
                .get("/:id/cover", covers::download);
    }

    private void upload(Context ctx) throws SQLException, IOException {
        Book current = Versions.checked(ctx, store);
        FormFile file = ctx.form().file("cover");
        if (file == null) {
            throw new BadRequestException("Send the image as the multipart/form-data file field 'cover'");
        }
        String type = file.contentType().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new UnsupportedMediaTypeException("A cover is PNG, JPEG, GIF or WebP, not " + type);
        }
        Cover cover = Cover.of(type, file.filename(), file.bytes());
        Versions.sendNewVersion(ctx, store.saveCover(current.id(), current.version(), cover));
    }

    private void download(Context ctx) throws SQLException {
        Cover cover = store.cover(ctx.param("id", long.class));
        ctx.header("Cache-Control", "private, no-cache").contentType(cover.contentType());
        if (ctx.conditional(cover.etag(), cover.updatedAt())) {
            return;
        }
        ctx.setHeader("Content-Disposition", ContentDisposition.inline(cover.filename())).send(cover.content());
    }
}
