package dev.aurora.examples.schema.tests;

import dev.aurora.Aurora;
import dev.aurora.examples.schema.Address;
import dev.aurora.examples.schema.Attendee;
import dev.aurora.examples.schema.Registration;
import dev.aurora.examples.schema.RegistrationApp;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import java.util.List;
import java.util.Map;

/** The base of the tests (an application per test, with no registrations) and their data. */
@AuroraTest
abstract class Registrations {
    static final Address BERLIN = new Address("Invalidenstraße 117", "Berlin", "10115", "DE");

    @TestApp
    Aurora app() {
        return RegistrationApp.create(RegistrationApp.DEFAULTS.withPort(0));
    }

    static Attendee attendee(String name, String email, String ticket) {
        return new Attendee(name, email, ticket, null);
    }

    static Registration registration(String company, Address billing, Attendee... attendees) {
        return new Registration(company, billing, Map.of(), List.of(attendees), null, null, null);
    }

    /** The violations of a {@code POST /registrations} of {@code json}, which must be refused. */
    static List<Violation> refused(AuroraTestClient client, String json) {
        return client.post("/registrations").body(json, "application/json").send()
                .assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json")
                .problem()
                .violations();
    }
}
