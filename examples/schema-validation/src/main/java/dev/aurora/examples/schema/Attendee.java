package dev.aurora.examples.schema;

import dev.aurora.schema.Email;
import dev.aurora.schema.Length;
import dev.aurora.schema.OneOf;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;

/**
 * One person on a {@link Registration} (pointers {@code /attendees/<index>/...}).
 *
 * @param name 1-80 characters
 * @param email an address; each attendee of one registration has their own ({@link UniqueEmails})
 * @param ticket {@code regular}, {@code student} or {@code speaker}
 * @param workshops how many workshop seats, 0-3; optional
 */
public record Attendee(@Required @Length(max = 80) String name,
        @Required @Email String email,
        @Required @OneOf({"regular", "student", "speaker"}) String ticket,
        @Range(min = 0, max = 3) Integer workshops) {
}
