package dev.aurora.examples.schema;

import dev.aurora.schema.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule across list elements: no two attendees of one registration share an email address
 * (ignoring case). It reports in the schema's own terms, a violation at the repeated address's
 * JSON Pointer with a code of its own ({@code unique}), so a client handles it like the
 * annotations' violations.
 */
final class UniqueEmails {
    private UniqueEmails() {
    }

    /** Adds one {@code unique} violation at each repeated address, none when all differ. */
    static void check(List<Attendee> attendees, Violations violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            if (!seen.add(attendees.get(i).email().toLowerCase(Locale.ROOT))) {
                violations.add("/attendees/" + i + "/email", "unique", "is the address of an earlier attendee");
            }
        }
    }
}
