package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's cookie jar: kept across requests, deleted by Max-Age=0, cleared on demand. */
class CookieJarTest {
    private final Aurora app = TestApps.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    private String cookieSeen() {
        return (String) client.get("/echo").send().json(Map.class).get("cookie");
    }

    @Test
    void cookiesAreKeptAndSentBack() {
        assertNull(cookieSeen());
        client.get("/login").send().assertStatus(200);
        assertEquals(Map.of("session", "abc", "theme", "dark"), client.cookies());
        assertEquals("session=abc; theme=dark", cookieSeen());
        assertEquals("session=abc; theme=dark", cookieSeen(), "still there on a later request");
    }

    @Test
    void maxAgeZeroDeletesACookie() {
        client.get("/login").send();
        client.get("/logout").send();
        assertEquals(Map.of("theme", "dark"), client.cookies());
        assertEquals("theme=dark", cookieSeen());
    }

    @Test
    void clearCookiesEmptiesTheJar() {
        client.get("/login").send();
        client.clearCookies();
        assertTrue(client.cookies().isEmpty());
        assertNull(cookieSeen());
    }

    @Test
    void cookiesViewIsASnapshot() {
        client.get("/login").send();
        Map<String, String> view = client.cookies();
        assertThrows(UnsupportedOperationException.class, () -> view.put("x", "y"));
        client.clearCookies();
        assertEquals(2, view.size());
    }

    @Test
    void anExplicitCookieHeaderReplacesTheJar() {
        client.get("/login").send();
        Object seen = client.get("/echo").header("Cookie", "mine=1").send().json(Map.class).get("cookie");
        assertEquals("mine=1", seen);
    }
}
