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
 * @param country only these billing countries ({@code ?country=DE&country=FR}); each one known,
 *     checked element by element (a constraint on the type argument)
 * @param ticket only registrations with an attendee on this ticket
 * @param limit at most this many, 1-50 (default 10)
 * @param order {@code newest} (default) or {@code oldest}, in any case
 */
public record Search(@Length(max = 100) String company,
        List<@OneOf({"DE", "FR", "NL", "GB", "US"}) String> country,
        @OneOf({"regular", "student", "speaker"}) String ticket,
        @Range(min = 1, max = 50) Integer limit,
        Optional<Order> order) {

    /** The orders a search may ask for. */
    public enum Order { NEWEST, OLDEST }

    /** Fills in the defaults. */
    public Search {
        limit = limit == null ? 10 : limit;
        country = List.copyOf(country);
    }
}
