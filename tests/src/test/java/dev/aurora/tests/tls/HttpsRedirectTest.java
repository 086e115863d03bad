package dev.aurora.tests.tls;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.Aurora;
import dev.aurora.middleware.ForwardedHeaders;
import dev.aurora.middleware.HttpsRedirect;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import org.junit.jupiter.api.Test;

/** HttpsRedirect: plain requests go to the same target over HTTPS; HTTPS ones and exempt paths pass. */
@AuroraTest
class HttpsRedirectTest {
    @TestApp
    static Aurora app() {
        return Aurora.create()
                .use(ForwardedHeaders.trusting("127.0.0.1", "::1"))
                .use(HttpsRedirect.to(8443).except("/health"))
                .get("/books/:id", ctx -> ctx.send("book " + ctx.param("id")))
                .post("/books", ctx -> ctx.status(201).send("made"))
                .get("/health/ready", ctx -> ctx.send("ready"))
                .get("/healthy", ctx -> ctx.send("not exempt"));
    }

    @BothTransports
    void aPlainRequestGetsA308ToTheHttpsPortKeepingPathAndQuery(AuroraTestClient client) {
        client.get("/books/7").query("q", "a b").send().assertStatus(308)
                .assertHeader("Location", "https://localhost:8443/books/7?q=a%20b");
        client.get("/books/7").header("Forwarded", "for=192.0.2.1;proto=http;host=\"shop.example:8080\"").send()
                .assertStatus(308).assertHeader("Location", "https://shop.example:8443/books/7");
        client.post("/books").header("Forwarded", "for=192.0.2.1;host=\"[2001:db8::1]:8080\"").body("{}", "application/json")
                .send().assertStatus(308).assertHeader("Location", "https://[2001:db8::1]:8443/books");
    }

    @BothTransports
    void exemptPathsAndTheirSubpathsStayOnHttpButLookalikesDoNot(AuroraTestClient client) {
        client.get("/health/ready").send().assertStatus(200).assertBody("ready");
        client.get("/healthy").send().assertStatus(308);
    }

    @BothTransports
    void aRequestAProxySaysCameOverHttpsPasses(AuroraTestClient client) {
        client.get("/books/7").header("Forwarded", "for=192.0.2.1;proto=https").send().assertStatus(200)
                .assertBody("book 7");
    }

    @Test
    void port443IsLeftOutAndBadArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HttpsRedirect.to(0));
        assertThrows(IllegalArgumentException.class, () -> HttpsRedirect.to(443).except("health"));
        try (AuroraTestClient client = AuroraTestClient.of(Aurora.create().use(HttpsRedirect.to(443))
                .get("/", ctx -> ctx.send("x")))) {
            client.get("/").send().assertStatus(308).assertHeader("Location", "https://localhost/");
        }
    }
}
