package dev.aurora.examples.schema;

import dev.aurora.schema.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A custom check: no two attendees of one registration share an email address (ignoring case).
 * It reports in the schema's own terms, a {@link Violation} with a JSON Pointer and a code of its
 * own ({@code unique}), so a client handles it like the annotations' violations.
 */
final class UniqueEmails {
    private UniqueEmails() {
    }

    /** @return one {@code unique} violation at each repeated address, none when all differ */
    static List<Violation> check(Registration registration) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Attendee> attendees = registration.attendees();
        for (int i = 0; i < attendees.size(); i++) {
            if (!seen.add(attendees.get(i).email().toLowerCase(Locale.ROOT))) {
                violations.add(new Violation("/attendees/" + i + "/email", "unique",
                        "is the address of an earlier attendee"));
            }
        }
        return violations;
    }
}
