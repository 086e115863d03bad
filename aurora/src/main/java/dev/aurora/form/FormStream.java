package dev.aurora.form;

import java.io.IOException;

/**
 * A form read part by part from the connection, for uploads that should never be held whole in
 * memory or on disk twice ({@code ctx.formStream()}). Limits apply as bytes arrive.
 *
 * <pre>{@code
 * app.post("/upload", ctx -> {
 *     FormStream parts = ctx.formStream();
 *     for (FormPart part = parts.next(); part != null; part = parts.next()) {
 *         if (part.isFile()) {
 *             part.saveTo(uploads.resolve(part.filename()));
 *         }
 *     }
 *     ctx.status(204).send("");
 * });
 * }</pre>
 */
public interface FormStream {

    /**
     * Moves to the next part, skipping what is left of the current one.
     *
     * @return the next part, or {@code null} after the last
     * @throws IOException if the connection fails
     * @throws dev.aurora.error.BadRequestException ({@code 400}) for a malformed body
     * @throws dev.aurora.error.PayloadTooLargeException ({@code 413}) past a limit
     */
    FormPart next() throws IOException;
}
