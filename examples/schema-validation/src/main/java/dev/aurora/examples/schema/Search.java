package dev.aurora.examples.schema;

import dev.aurora.schema.Length;
import dev.aurora.schema.OneOf;
import dev.aurora.schema.Range;
import java.util.List;
import java.util.Optional;

/**
 * The query of {@code GET /registrations}, bound by {@code Validated.query}: one parameter per
 * component, converted to its type, then checked like a body. Unknown parameters are ignored.
 *
 * @param company only registrations whose company contains this, ignoring case
 * @param country only these billing countries ({@code ?country=DE&country=FR}); each one known
 * @param ticket only registrations with an attendee on this ticket
 * @param limit at most this many, 1-50 (default 10)
 * @param order {@code newest} (default) or {@code oldest}, in any case
 */
public record Search(@Length(max = 100) String company,
        List<String> country,
        @OneOf({"regular", "student", "speaker"}) String ticket,
        @Range(min = 1, max = 50) Integer limit,
        Optional<Order> order) {

    /** The orders a search may ask for. */
    public enum Order { NEWEST, OLDEST }

    /** Fills in the defaults; refuses an unknown country ({@code invalid}, naming it). */
    public Search {
        limit = limit == null ? 10 : limit;
        country = List.copyOf(country);
        // @OneOf checks a string, not each element of a list: this loop does.
        for (String c : country) {
            if (!Address.COUNTRIES.contains(c)) {
                throw new IllegalArgumentException("country must be one of " + String.join(", ", Address.COUNTRIES) + ": " + c);
            }
        }
    }
}
