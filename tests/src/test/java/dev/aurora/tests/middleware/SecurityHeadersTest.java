package dev.aurora.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.middleware.SecurityHeaders;
import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SecurityHeaders}: defaults, opt-ins, per-route overrides, and error responses. */
@AuroraTest
class SecurityHeadersTest {
    private static final Map<String, String> DEFAULTS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin");

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .use(SecurityHeaders.defaults().contentSecurityPolicy("default-src 'self'")
                        .strictTransportSecurity(Duration.ofDays(365), true))
                .get("/page", ctx -> ctx.send("page"))
                .get("/widget", ctx -> ctx.send("widget"), SecurityHeaders.none().frameOptions("SAMEORIGIN"))
                .get("/embeddable", ctx -> ctx.send("embeddable"),
                        SecurityHeaders.none().frameOptions(null).contentSecurityPolicy(null))
                .get("/own", ctx -> ctx.setHeader("Referrer-Policy", "no-referrer").send("own"))
                .get("/fails", ctx -> {
                    ctx.header("X-Handler", "set before the failure");
                    throw new IllegalStateException("boom");
                });
    }

    private static void assertDefaults(TestResponse r) {
        DEFAULTS.forEach(r::assertHeader);
    }

    @Test
    void theDefaultsAndTheOptIns(AuroraTestClient client) {
        TestResponse r = client.get("/page").send().assertStatus(200);
        assertDefaults(r);
        r.assertHeader("Content-Security-Policy", "default-src 'self'");
        r.assertHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        assertNull(r.header("Cross-Origin-Embedder-Policy"));
        assertEquals(List.of("DENY"), r.headers("X-Frame-Options"), "never doubled");
    }

    @Test
    void aRouteOverridesOnlyWhatItNames(AuroraTestClient client) {
        TestResponse widget = client.get("/widget").send();
        assertEquals(List.of("SAMEORIGIN"), widget.headers("X-Frame-Options"));
        widget.assertHeader("X-Content-Type-Options", "nosniff");
        TestResponse embeddable = client.get("/embeddable").send();
        assertNull(embeddable.header("X-Frame-Options"));
        assertNull(embeddable.header("Content-Security-Policy"));
        embeddable.assertHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void aHandlerCanSetItsOwn(AuroraTestClient client) {
        assertEquals(List.of("no-referrer"), client.get("/own").send().headers("Referrer-Policy"));
    }

    @Test
    void errorResponsesKeepThemButNotTheHandlersHeaders(AuroraTestClient client) {
        TestResponse failed = client.get("/fails").send().assertStatus(500);
        assertDefaults(failed);
        failed.assertHeader("Content-Security-Policy", "default-src 'self'");
        assertNull(failed.header("X-Handler"));
        assertEquals("application/problem+json", failed.header("Content-Type"));
        assertDefaults(client.get("/missing").send().assertStatus(404));
        assertDefaults(client.post("/page").send().assertStatus(405));
    }

    @Test
    void badValuesFailWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> SecurityHeaders.defaults().contentSecurityPolicy("a\r\nX-Evil: 1"));
        assertThrows(IllegalArgumentException.class, () -> SecurityHeaders.none().header("Bad Name", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> SecurityHeaders.none().strictTransportSecurity(Duration.ofSeconds(-1), false));
    }
}
