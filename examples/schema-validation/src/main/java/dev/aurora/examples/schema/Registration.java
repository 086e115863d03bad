package dev.aurora.examples.schema;

import dev.aurora.schema.Length;
import dev.aurora.schema.Pattern;
import dev.aurora.schema.Required;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /registrations}: a company registers people for the conference.
 *
 * <p>The annotations are checked by {@code Validated.body}, nested records, list elements and map
 * values included, each violation at its JSON Pointer. What one annotation on one value cannot
 * say is checked in two other ways: a rule across two members in the compact constructor (the
 * dates), and a rule across list elements as a check of its own ({@link UniqueEmails}).
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
        LocalDate departure) {

    /** Refuses a departure before the arrival: a violation with the code {@code invalid}. */
    public Registration {
        if (arrival != null && departure != null && departure.isBefore(arrival)) {
            throw new IllegalArgumentException("departure must not be before arrival");
        }
        shipping = shipping == null ? Map.of() : Map.copyOf(shipping);
    }
}
