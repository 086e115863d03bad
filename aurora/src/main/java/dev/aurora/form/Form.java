package dev.aurora.form;

import java.util.List;
import java.util.Set;

/**
 * A whole form, read from the request body by {@code ctx.form()}: its fields (text values) and
 * its files. Files larger than {@link dev.aurora.FormConfig#memoryThreshold()} wait in temporary
 * files, deleted when the request ends; {@link FormFile#saveTo} keeps one. Valid while the handler
 * runs, on its thread.
 *
 * <pre>{@code
 * app.post("/books/:id/cover", ctx -> {
 *     Form form = ctx.form();
 *     FormFile cover = form.file("cover");
 *     if (cover == null) {
 *         throw new BadRequestException("cover is missing");
 *     }
 *     cover.saveTo(covers.resolve(ctx.param("id") + ".png"));
 *     ctx.status(204).send("");
 * });
 * }</pre>
 */
public interface Form {

    /**
     * {@return the first value of that field, or {@code null} if the form has none}
     *
     * @param name a field name, case-sensitive
     */
    String value(String name);

    /**
     * {@return every value of that field, in the order sent; empty if none}
     *
     * @param name a field name, case-sensitive
     */
    List<String> values(String name);

    /** {@return the names of the fields (not the files), in the order first sent} */
    Set<String> names();

    /**
     * {@return the first file sent under that name, or {@code null} if none}
     *
     * @param name a file field's name, case-sensitive
     */
    FormFile file(String name);

    /**
     * {@return every file sent under that name, in order; empty if none}
     *
     * @param name a file field's name, case-sensitive
     */
    List<FormFile> files(String name);

    /** {@return every file of the form, in the order sent} */
    List<FormFile> files();
}
