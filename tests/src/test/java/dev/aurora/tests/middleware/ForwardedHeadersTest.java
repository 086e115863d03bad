package dev.aurora.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.middleware.ForwardedHeaders;
import dev.aurora.middleware.RateLimit;
import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ForwardedHeaders} over real sockets, where the peer is 127.0.0.1. */
@AuroraTest(server = true)
class ForwardedHeadersTest {
    static Aurora app(ForwardedHeaders forwarded) {
        return Aurora.create()
                .use(forwarded)
                .use(RateLimit.builder().limit(1, Duration.ofHours(1)).burst(1).build())
                .get("/who", ctx -> ctx.send(ctx.remoteAddress().getAddress().getHostAddress() + " " + ctx.scheme()
                        + " " + (ctx.host().equals(ctx.header("Host")) ? "(the Host field)" : ctx.host())));
    }

    @TestApp
    static Aurora app() {
        return app(ForwardedHeaders.trusting("127.0.0.1", "10.0.0.0/8"));
    }

    @Test
    void withoutHeadersThePeerAndTheHostHeaderStand(AuroraTestClient client) {
        client.get("/who").send().assertStatus(200).assertBody("127.0.0.1 http (the Host field)");
    }

    @Test
    void forwardedFromATrustedPeerNamesClientSchemeAndHost(AuroraTestClient client) {
        client.get("/who").header("Forwarded", "for=192.0.2.60;proto=https;host=shop.example").send()
                .assertBody("192.0.2.60 https shop.example");
    }

    @Test
    void aForgedEntryBeforeTheRealClientIsIgnored(AuroraTestClient client) {
        client.get("/who").header("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.1.1.1")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "shop.example:8443").send()
                .assertBody("198.51.100.7 https shop.example:8443");
    }

    @Test
    void theRateLimitKeysByTheForwardedClient(AuroraTestClient client) {
        client.get("/who").header("X-Forwarded-For", "203.0.113.1").send().assertStatus(200);
        client.get("/who").header("X-Forwarded-For", "203.0.113.1").send().assertStatus(429);
        client.get("/who").header("X-Forwarded-For", "203.0.113.2").send().assertStatus(200);
    }

    @Nested
    class WhenThePeerIsNotTrusted {
        @TestApp
        static Aurora app() {
            return ForwardedHeadersTest.app(ForwardedHeaders.trusting("10.0.0.0/8"));
        }

        @Test
        void theHeadersAreIgnored(AuroraTestClient client) {
            client.get("/who")
                    .header("Forwarded", "for=192.0.2.60;proto=https;host=shop.example")
                    .header("X-Forwarded-For", "192.0.2.61").send()
                    .assertBody("127.0.0.1 http (the Host field)");
        }
    }

    @Test
    void trustedProxiesMustBeAddresses() {
        assertThrows(IllegalArgumentException.class, ForwardedHeaders::trusting);
        assertThrows(IllegalArgumentException.class, () -> ForwardedHeaders.trusting("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> ForwardedHeaders.trusting("10.0.0.0/40"));
    }
}
