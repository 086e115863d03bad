package dev.aurora.examples.schema;

import dev.aurora.schema.Length;
import dev.aurora.schema.Pattern;
import dev.aurora.schema.Required;
import dev.aurora.schema.Validatable;
import dev.aurora.schema.Violations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /registrations}: a company registers people for the conference.
 *
 * <p>The annotations are checked by {@code Validated.body}, nested records, list elements and map
 * values included, each violation at its JSON Pointer. What one annotation on one value cannot
 * say is the record's own rule ({@link Validatable}): the dates, one member against another, and
 * unique addresses across the attendees ({@link UniqueEmails}). The schema calls it once the
 * annotations hold, so it may rely on them (the attendees' emails are there).
 *
 * @param company 1-100 characters
 * @param billing the invoice address
 * @param shipping where badges go, by a label of the client's choice (optional)
 * @param attendees 1-20 people
 * @param coupon an optional code such as {@code EARLY-2026}
 * @param arrival the first day, optional
 * @param departure the last day, optional; not before {@code arrival}
 */
public record Registration(@Required @Length(max = 100) String company,
        @Required Address billing,
        Map<String, Address> shipping,
        @Required @Length(min = 1, max = 20) List<Attendee> attendees,
        @Pattern("[A-Z]+-[0-9]{4}") String coupon,
        LocalDate arrival,
        LocalDate departure) implements Validatable {

    /** No shipping addresses is an empty map. */
    public Registration {
        shipping = shipping == null ? Map.of() : Map.copyOf(shipping);
    }

    @Override
    public void validate(Violations violations) {
        if (arrival != null && departure != null && departure.isBefore(arrival)) {
            violations.add("/departure", "order", "must not be before arrival");
        }
        UniqueEmails.check(attendees, violations);
    }
}
