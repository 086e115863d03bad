package dev.aurora.examples.production;

import dev.aurora.schema.Length;
import dev.aurora.schema.Required;

/**
 * The body of {@code POST /notes}.
 *
 * @param text what the note says, not blank, at most 2,000 characters
 */
public record NoteInput(@Required @Length(max = 2000) String text) {
}
