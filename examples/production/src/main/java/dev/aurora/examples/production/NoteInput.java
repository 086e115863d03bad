package dev.aurora.examples.production;

import dev.aurora.schema.Length;
import dev.aurora.schema.Required;

/**
 * The body of {@code POST /notes}.
 *
 * @param text what the note says, 1 to 2,000 characters
 */
public record NoteInput(@Required @Length(min = 1, max = 2000) String text) {
}
