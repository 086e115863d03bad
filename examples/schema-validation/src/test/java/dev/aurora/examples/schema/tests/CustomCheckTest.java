package dev.aurora.examples.schema.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one annotation on one value cannot say, as the record's own rules ({@code Validatable}): a
 * rule across list elements (unique addresses) and one across two members (the dates).
 */
class CustomCheckTest extends Registrations {
    @Test
    void aRepeatedEmailIsAUniqueViolationAtEachRepeat(AuroraTestClient client) {
        var registration = registration("Acme", BERLIN,
                attendee("Ada", "ada@acme.example", "speaker"),
                attendee("Grace", "grace@acme.example", "regular"),
                attendee("Ada again", "ADA@acme.example", "regular"),
                attendee("Ada thrice", "ada@acme.example", "student"));
        var problem = client.post("/registrations").json(registration).send()
                .assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals("2 invalid values", problem.detail());
        assertEquals(List.of(
                new Violation("/attendees/2/email", "unique", "is the address of an earlier attendee"),
                new Violation("/attendees/3/email", "unique", "is the address of an earlier attendee")),
                problem.violations());
        client.get("/registrations").send().assertStatus(200).assertBody("[]");
    }

    @Test
    void theCustomCheckRunsOnceTheSchemaHolds(AuroraTestClient client) {
        var registration = registration("", BERLIN,
                attendee("Ada", "ada@acme.example", "speaker"),
                attendee("Ada again", "ada@acme.example", "regular"));
        assertEquals(List.of(new Violation("/company", "required", "must not be blank")),
                client.post("/registrations").json(registration).send().assertStatus(400).problem().violations());
    }

    @Test
    void differentAddressesPass(AuroraTestClient client) {
        client.post("/registrations").json(registration("Acme", BERLIN,
                attendee("Ada", "ada@acme.example", "speaker"),
                attendee("Grace", "grace@acme.example", "regular"))).send()
                .assertStatus(201);
    }

    @Test
    void aDepartureBeforeTheArrivalIsRefusedAtTheDeparture(AuroraTestClient client) {
        String json = """
                {"company": "Acme",
                 "billing": {"street": "Main St 1", "city": "Berlin", "postcode": "10115", "country": "DE"},
                 "attendees": [{"name": "Ada", "email": "ada@acme.example", "ticket": "speaker"}],
                 "arrival": "2026-06-03", "departure": "2026-06-01"}""";
        assertEquals(List.of(new Violation("/departure", "order", "must not be before arrival")),
                refused(client, json));
    }
}
