package dev.aurora.examples.schema.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.aurora.examples.schema.Address;
import dev.aurora.examples.schema.Attendee;
import dev.aurora.examples.schema.Registered;
import dev.aurora.examples.schema.Registration;
import dev.aurora.schema.Schema;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Records with constraints, nested records, list elements and map values, each violation at its JSON Pointer. */
class BodyValidationTest extends Registrations {
    private static final String INVALID = """
            {"company": "",
             "billing": {"street": "Main St 1", "city": "Berlin", "postcode": "1", "country": "XX"},
             "shipping": {"home/office": {"street": "x", "city": "y", "postcode": "!!", "country": "DE"},
                          "a~b": {"street": "x", "city": "y", "postcode": "12345"}},
             "attendees": [{"name": "Ada", "email": "nope", "ticket": "vip", "workshops": 5},
                           {"email": "b@example.com", "ticket": "regular"}],
             "coupon": "early"}""";

    @BothTransports
    void aValidRegistrationIsStoredAndReadBack(AuroraTestClient client) {
        Registration sent = new Registration("Acme", BERLIN, Map.of("badges", BERLIN),
                List.of(new Attendee("Ada", "ada@acme.example", "speaker", 2)), "EARLY-2026",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3));
        TestResponse created = client.post("/registrations").json(sent).send()
                .assertStatus(201)
                .assertHeader("Content-Type", "application/json");
        Registered stored = created.json(Registered.class);
        assertEquals("/registrations/" + stored.id(), created.header("Location"));
        assertEquals(sent, stored.registration());
        assertNotNull(stored.receivedAt());
        assertEquals(stored, client.get(created.header("Location")).send().assertStatus(200).json(Registered.class));
    }

    @Test
    void everyViolationIsListedAtItsPointerInDeclarationOrder(AuroraTestClient client) {
        List<Violation> violations = refused(client, INVALID);
        // Map entries are visited in no fixed order; everything else in declaration order.
        assertEquals(List.of(
                new Violation("/company", "required", "must not be blank"),
                new Violation("/billing/postcode", "pattern", "must match [A-Za-z0-9 -]{4,10}"),
                new Violation("/billing/country", "oneOf", "must be one of DE, FR, NL, GB, US")),
                violations.subList(0, 3));
        assertEquals(Set.of(
                new Violation("/shipping/home~1office/postcode", "pattern", "must match [A-Za-z0-9 -]{4,10}"),
                new Violation("/shipping/a~0b/country", "required", "must not be null")),
                Set.copyOf(violations.subList(3, 5)), "RFC 6901: '/' is ~1 and '~' is ~0");
        assertEquals(List.of(
                new Violation("/attendees/0/email", "email", "must be a valid email address"),
                new Violation("/attendees/0/ticket", "oneOf", "must be one of regular, student, speaker"),
                new Violation("/attendees/0/workshops", "range", "must be between 0 and 3"),
                new Violation("/attendees/1/name", "required", "must not be null"),
                new Violation("/coupon", "pattern", "must match [A-Z]+-[0-9]{4}")),
                violations.subList(5, 10));
    }

    @Test
    void theProblemCountsTheViolations(AuroraTestClient client) {
        var problem = client.post("/registrations").body(INVALID, "application/json").send().problem();
        assertEquals("10 invalid values", problem.detail());
        assertEquals("Bad Request", problem.title());
        assertEquals("/registrations", problem.instance());
    }

    @Test
    void aMissingNestedRecordOrAnEmptyListIsRefused(AuroraTestClient client) {
        assertEquals(List.of(new Violation("/billing", "required", "must not be null"),
                        new Violation("/attendees", "length", "length must be between 1 and 20")),
                refused(client, "{\"company\": \"Acme\", \"attendees\": []}"));
    }

    @Test
    void valuesOfTheWrongTypeAreNotCoerced(AuroraTestClient client) {
        assertEquals(List.of(new Violation("/attendees/0/workshops", "type", "must be an integer")),
                refused(client, body("\"workshops\": \"2\"", "")));
        assertEquals(List.of(new Violation("/company", "type", "must be a string")),
                refused(client, "{\"company\": 42}"));
        assertEquals(List.of(new Violation("/arrival", "type", "must be an ISO-8601 date such as 2026-12-31")),
                refused(client, body("", ", \"arrival\": \"2026-02-30\"")));
        assertEquals("unknown", refused(client, body("", ", \"vat\": \"DE123\"")).getFirst().code());
    }

    @Test
    void anEmptyBodyIsRequired(AuroraTestClient client) {
        assertEquals(List.of(new Violation("", "required", "a JSON body is required")),
                refused(client, ""));
    }

    @Test
    void theSameSchemaChecksValuesOutsideARequest() {
        Registration value = registration("", new Address("x", "y", "12345", "XX"),
                attendee("Ada", "ada@acme.example", "regular"));
        assertEquals(List.of(new Violation("/company", "required", "must not be blank"),
                        new Violation("/billing/country", "oneOf", "must be one of DE, FR, NL, GB, US")),
                Schema.of(Registration.class).violations(value));
    }

    /** A valid body whose one attendee has {@code attendeeExtra}, with {@code extra} at its end. */
    private static String body(String attendeeExtra, String extra) {
        String attendee = "{\"name\": \"Ada\", \"email\": \"ada@acme.example\", \"ticket\": \"speaker\""
                + (attendeeExtra.isEmpty() ? "" : ", " + attendeeExtra) + "}";
        return "{\"company\": \"Acme\", \"billing\": {\"street\": \"Main St 1\", \"city\": \"Berlin\", "
                + "\"postcode\": \"10115\", \"country\": \"DE\"}, \"attendees\": [" + attendee + "]" + extra + "}";
    }
}
