package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurora.Aurora;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Response accessors, problem details and assertion messages. */
class TestResponseTest {
    private final Aurora app = TestApps.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    /** A JSON-mappable type for {@link TestResponse#json(Class)}. */
    record Flags(boolean ok, int n) {
    }

    @Test
    void jsonAsClassAndTypeReference() {
        TestResponse r = client.get("/json").send();
        assertEquals(new Flags(true, 3), r.json(Flags.class));
        assertEquals(Map.of("ok", true, "n", 3), r.json(new TypeReference<Map<String, Object>>() {
        }));
        assertTrue(r.header("content-type").startsWith("application/json"), r.describe());
        IllegalStateException notJson = assertThrows(IllegalStateException.class,
                () -> client.get("/hello/x").send().json(Flags.class));
        assertTrue(notJson.getMessage().contains("Hello, x"), notJson.getMessage());
    }

    @Test
    void problemOnA404() {
        TestResponse r = client.get("/nowhere").send().assertStatus(404);
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.describe());
        Problem p = r.problem();
        assertEquals("about:blank", p.type());
        assertEquals("Not Found", p.title());
        assertEquals(404, p.status());
        assertEquals("/nowhere", p.instance());
        assertTrue(p.extensions().keySet().stream().noneMatch(k -> k.equals("title") || k.equals("status")), p.toString());
    }

    @Test
    void passingAssertionsReturnThis() {
        TestResponse r = client.get("/hello/ada").send();
        assertEquals(r, r.assertStatus(200).assertHeader("x-hello", "yes").assertHeader("X-Absent", null)
                .assertBody("Hello, ada"));
        TestResponse json = client.get("/json").send();
        assertEquals(json, json.assertJson(" { \"n\" : 3, \"ok\" : true } "));
    }

    @Test
    void assertHeadersComparesEveryValueInOrder() {
        TestResponse r = client.get("/login").send();
        assertEquals(r, r.assertHeaders("set-cookie", "session=abc", "theme=dark").assertHeaders("X-Absent"));
        AssertionError wrongOrder = assertThrows(AssertionError.class,
                () -> r.assertHeaders("Set-Cookie", "theme=dark", "session=abc"));
        assertTrue(wrongOrder.getMessage().startsWith(
                "Expected header Set-Cookie values [theme=dark, session=abc] but were [session=abc, theme=dark]"),
                wrongOrder.getMessage());
        assertThrows(AssertionError.class, () -> r.assertHeaders("Set-Cookie", "session=abc"));
        assertThrows(AssertionError.class, () -> r.assertHeaders("Set-Cookie"));
    }

    @Test
    void failureMessagesContainTheWholeResponse() {
        TestResponse r = client.get("/hello/ada").send();
        for (Runnable failing : new Runnable[] {
                () -> r.assertStatus(201),
                () -> r.assertHeader("X-Hello", "no"),
                () -> r.assertBody("Hello, bob"),
                () -> r.assertJson("{\"a\":1}")}) {
            AssertionError e = assertThrows(AssertionError.class, failing::run);
            assertTrue(e.getMessage().contains("HTTP/1.1 200 OK"), e.getMessage());
            assertTrue(e.getMessage().contains("X-Hello: yes"), e.getMessage());
            assertTrue(e.getMessage().contains("Hello, ada"), e.getMessage());
        }
        AssertionError json = assertThrows(AssertionError.class, () -> client.get("/json").send().assertJson("{\"ok\":false,\"n\":3}"));
        assertTrue(json.getMessage().contains("\"ok\":true"), json.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.assertJson("{not json"));
    }

    @Test
    void longBodiesAreTruncatedInMessages() {
        AssertionError e = assertThrows(AssertionError.class, () -> client.get("/big").send().assertStatus(500));
        assertTrue(e.getMessage().contains("x".repeat(TestResponse.MAX_BODY_IN_MESSAGE)), "shows the start");
        assertTrue(e.getMessage().length() < 6000, "but not all 10000 characters: " + e.getMessage().length());
        assertTrue(e.getMessage().contains("10000 characters in all"), e.getMessage().substring(0, 300));
    }

    @Test
    void bodyIsACopy() {
        TestResponse r = client.get("/hello/a").send();
        r.body()[0] = 'X';
        assertEquals("Hello, a", r.bodyString());
    }
}
