package dev.aurora.examples.production;

import dev.aurora.schema.Range;

/**
 * The query of {@code GET /notes}.
 *
 * @param limit how many of the newest notes, 1 to 100; 20 when absent
 */
public record NoteQuery(@Range(min = 1, max = 100) Integer limit) {
    /** Fills in the default. */
    public NoteQuery {
        if (limit == null) {
            limit = 20;
        }
    }
}
