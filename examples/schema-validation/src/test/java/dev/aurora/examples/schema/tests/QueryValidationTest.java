package dev.aurora.examples.schema.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurora.examples.schema.Address;
import dev.aurora.examples.schema.Registered;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /registrations}: the query bound to the record {@code Search} and validated like a body. */
class QueryValidationTest extends Registrations {
    @BeforeEach
    void registrations(AuroraTestClient client) {
        register(client, "Acme", BERLIN, "speaker");
        register(client, "Globex", new Address("1 Rue de Rivoli", "Paris", "75001", "FR"), "student");
        register(client, "Initech", new Address("1 Main St", "Austin", "73301", "US"), "regular");
        register(client, "Acme Labs", new Address("Dam 1", "Amsterdam", "1012 JS", "NL"), "student");
    }

    @Test
    void parametersFilterAndOrder(AuroraTestClient client) {
        assertEquals(List.of("Acme Labs", "Initech", "Globex", "Acme"), companies(client.get("/registrations")),
                "newest first by default");
        assertEquals(List.of("Acme", "Acme Labs"),
                companies(client.get("/registrations").query("company", "ACME").query("order", "oldest")));
        assertEquals(List.of("Acme Labs", "Globex"), companies(client.get("/registrations").query("ticket", "student")));
        assertEquals(List.of("Globex", "Acme"),
                companies(client.get("/registrations").query("country", "DE").query("country", "FR")),
                "a repeated parameter fills the list");
        assertEquals(List.of("Acme Labs"), companies(client.get("/registrations").query("limit", "1")));
        assertEquals(4, companies(client.get("/registrations").query("utm_source", "mail")).size(),
                "unknown parameters are ignored");
    }

    @Test
    void everyValueThatDoesNotConvertIsATypeViolation(AuroraTestClient client) {
        assertEquals(List.of(new Violation("/limit", "type", "must be an int"),
                        new Violation("/order", "type", "must be one of NEWEST, OLDEST")),
                refused(client.get("/registrations").query("limit", "many").query("order", "best")));
    }

    @Test
    void convertedValuesAreCheckedAgainstTheAnnotations(AuroraTestClient client) {
        assertEquals(List.of(new Violation("/ticket", "oneOf", "must be one of regular, student, speaker"),
                        new Violation("/limit", "range", "must be between 1 and 50")),
                refused(client.get("/registrations").query("ticket", "vip").query("limit", "0")));
    }

    @Test
    void theRecordRefusesAnUnknownCountryInTheListAtItsPosition(AuroraTestClient client) {
        assertEquals(List.of(new Violation("/country/1", "oneOf", "must be one of DE, FR, NL, GB, US")),
                refused(client.get("/registrations").query("country", "DE").query("country", "XX")));
    }

    private static void register(AuroraTestClient client, String company, Address billing, String ticket) {
        client.post("/registrations")
                .json(registration(company, billing, attendee("Someone", "someone@" + company.length() + ".example", ticket)))
                .send()
                .assertStatus(201);
    }

    private static List<String> companies(TestRequest request) {
        return request.send().assertStatus(200).json(new TypeReference<List<Registered>>() { }).stream()
                .map(r -> r.registration().company())
                .toList();
    }

    private static List<Violation> refused(TestRequest request) {
        return request.send().assertStatus(400).assertHeader("Content-Type", "application/problem+json")
                .problem().violations();
    }
}
