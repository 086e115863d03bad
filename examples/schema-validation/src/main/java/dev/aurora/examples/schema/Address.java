package dev.aurora.examples.schema;

import dev.aurora.schema.Length;
import dev.aurora.schema.OneOf;
import dev.aurora.schema.Pattern;
import dev.aurora.schema.Required;

/**
 * A postal address, nested in a {@link Registration} (its pointers start {@code /billing/...} or
 * {@code /shipping/<label>/...}).
 *
 * @param street 1-100 characters
 * @param city 1-60 characters
 * @param postcode four to ten letters, digits, spaces or hyphens
 * @param country one of the countries the conference invoices to
 */
public record Address(@Required @Length(max = 100) String street,
        @Required @Length(max = 60) String city,
        @Required @Pattern("[A-Za-z0-9 -]{4,10}") String postcode,
        @Required @OneOf({"DE", "FR", "NL", "GB", "US"}) String country) {
}
