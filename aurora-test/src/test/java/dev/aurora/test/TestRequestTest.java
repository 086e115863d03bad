package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurora.Aurora;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request-builder method, checked by what the server received. */
class TestRequestTest {
    private final Aurora app = TestApps.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        client.close();
        app.stop();
    }

    private static Map<String, Object> echo(TestResponse response) {
        response.assertStatus(200);
        return response.json(new TypeReference<Map<String, Object>>() {
        });
    }

    @Test
    void eachMethodShortcutSendsItsMethod() {
        assertEquals("GET", echo(client.get("/echo").send()).get("method"));
        assertEquals("POST", echo(client.post("/echo").send()).get("method"));
        assertEquals("PUT", echo(client.put("/echo").send()).get("method"));
        assertEquals("PATCH", echo(client.patch("/echo").send()).get("method"));
        assertEquals("DELETE", echo(client.delete("/echo").send()).get("method"));
        assertEquals("OPTIONS", echo(client.options("/echo").send()).get("method"));
        assertEquals("PROPFIND", echo(client.request("PROPFIND", "/echo").send()).get("method"));
    }

    @Test
    void headHasHeadersButNoBody() {
        TestResponse get = client.get("/hello/x").send();
        TestResponse head = client.head("/hello/x").send().assertStatus(200).assertHeader("X-Hello", "yes");
        assertEquals(0, head.body().length);
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
    }

    @Test
    void headerIsRepeatableAndNoBodyMeansNoContentLength() {
        Map<String, Object> echo = echo(client.get("/echo").header("X-Test", "one").header("X-Test", "two").send());
        assertEquals(List.of("one", "two"), echo.get("x"));
        assertNull(echo.get("contentLength"));
        assertNull(echo.get("contentType"));
    }

    @Test
    void queryIsPercentEncodedAsUtf8() {
        Map<String, Object> echo = echo(client.get("/echo").query("a", "x y&z=1").query("b", "é+€").send());
        assertEquals("x y&z=1", echo.get("a"));
        assertEquals("é+€", echo.get("b"));
        assertEquals("/echo", echo.get("path"));
    }

    @Test
    void queryIsAppendedToAnExistingQuery() {
        Map<String, Object> echo = echo(client.get("/echo?a=1").query("b", "2").send());
        assertEquals("1", echo.get("a"));
        assertEquals("2", echo.get("b"));
    }

    @Test
    void jsonBodyIsWrittenWithJackson() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Ada");
        value.put("age", 36);
        Map<String, Object> echo = echo(client.post("/echo").json(value).send());
        assertEquals("application/json", echo.get("contentType"));
        assertEquals("{\"name\":\"Ada\",\"age\":36}", echo.get("body"));
        assertEquals("23", echo.get("contentLength"));
    }

    @Test
    void bodyFromBytesOrString() {
        Map<String, Object> bytes = echo(client.put("/echo").body("é".getBytes(StandardCharsets.UTF_8), "text/plain").send());
        assertEquals("é", bytes.get("body"));
        assertEquals("2", bytes.get("contentLength"));
        assertEquals("text/plain", bytes.get("contentType"));
        Map<String, Object> text = echo(client.patch("/echo").body("hello", "text/x-test; charset=utf-8").send());
        assertEquals("hello", text.get("body"));
        assertEquals("text/x-test; charset=utf-8", text.get("contentType"));
        Map<String, Object> empty = echo(client.post("/echo").body(new byte[0], null).send());
        assertEquals("0", empty.get("contentLength"));
        assertNull(empty.get("contentType"));
    }

    @Test
    void formIsUrlEncoded() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user name", "Ada L");
        fields.put("lang", "é&=");
        Map<String, Object> echo = echo(client.post("/echo").form(fields).send());
        assertEquals("application/x-www-form-urlencoded", echo.get("contentType"));
        assertEquals("user+name=Ada+L&lang=%C3%A9%26%3D", echo.get("body"));
    }

    @Test
    void requestBytesAreWellFormedHttp11() {
        byte[] bytes = client.post("/p").header("X-A", "1").body("hi", "text/plain").toBytes("c=1");
        assertEquals("POST /p HTTP/1.1\r\nHost: localhost\r\nX-A: 1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\nCookie: c=1\r\nConnection: close\r\n\r\nhi",
                new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void headerInjectionAndBadTokensAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> client.get("/").header("X", "a\r\nY: b"));
        assertThrows(IllegalArgumentException.class, () -> client.get("/").header("Bad Name", "a"));
        assertThrows(IllegalArgumentException.class, () -> client.request("GE T", "/"));
        assertThrows(IllegalArgumentException.class, () -> client.get("/a b"));
    }
}
