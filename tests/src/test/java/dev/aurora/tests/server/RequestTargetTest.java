package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.TargetCharacters;
import dev.aurora.TrailingSlash;
import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Request targets over a socket: what browsers and JavaScript clients send unencoded
 * ({@code ?filter={"a":1}}, {@code ?tags[]=x}, raw UTF-8) is served by default and refused with
 * {@link TargetCharacters#STRICT}; controls and spaces are refused either way; an absolute-form
 * target's authority is {@code ctx.host()}, whatever {@code Host} says.
 */
class RequestTargetTest extends ServerTestSupport {
    private static final Consumer<Aurora> ROUTES = app -> app
            .get("/users/:id", ctx -> ctx.send("id=" + ctx.param("id") + " path=" + ctx.path()))
            .get("/search", ctx -> ctx.send("filter=" + ctx.query("filter") + " tags=" + ctx.queries("tags[]")
                    + " q=" + ctx.query("q")))
            .get("/where", ctx -> ctx.send(ctx.host() + " " + ctx.scheme() + " " + ctx.path() + " " + ctx.query("x")));

    private String get(String target, String host) {
        RawConnection client = client();
        client.send(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        return r.bodyString();
    }

    private void assertRefused(String target) {
        RawConnection client = client();
        client.send(("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        TestResponse r = client.readResponse();
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    // ---- lenient (the default) ---------------------------------------------------------------

    @Test
    void whatJavaScriptClientsSendUnencodedReachesTheHandlerDecoded() {
        start(ROUTES);
        assertEquals("filter={\"a\":1} tags=[x, y] q=a|b^c`d<e>\\",
                get("/search?filter={\"a\":1}&tags[]=x&tags[]=y&q=a|b^c`d<e>\\", "x"));
        assertEquals("id=x[1] path=/users/x[1]", get("/users/x[1]", "x"));
        assertEquals("id={\"a\"} path=/users/{\"a\"}", get("/users/{\"a\"}", "x"));
    }

    @Test
    void rawUtf8InAPathIsAParameterDecodedAsUtf8AndAPathPercentEncoded() {
        start(ROUTES);
        assertEquals("id=café path=/users/caf%C3%A9", get("/users/café", "x"));
        // Raw and escaped spell the same parameter.
        assertEquals("id=café path=/users/caf%C3%A9", get("/users/caf%C3%A9", "x"));
        assertEquals("filter=null tags=[] q=日本", get("/search?q=日本", "x"));
    }

    @Test
    void invalidUtf8RawOrEscapedBecomesTheReplacementCharacter() {
        start(ROUTES);
        RawConnection client = client();
        byte[] line = "GET /users/a_b HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        line["GET /users/a".length()] = (byte) 0xFF; // the '_': a byte no UTF-8 sequence starts with
        client.send(line);
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("id=a\uFFFDb path=/users/a%FFb", r.bodyString());
        assertEquals("id=a\uFFFDb path=/users/a%FFb", get("/users/a%FFb", "x"));
    }

    @Test
    void theSlashRedirectKeepsARawUtf8QueryAsEscapes() {
        start(config().withTrailingSlash(TrailingSlash.REDIRECT), ROUTES);
        RawConnection client = client();
        client.send("GET /search/?q=café HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        TestResponse r = client.readResponse();
        assertEquals(308, r.status(), r::toString);
        assertEquals("/search?q=caf%C3%A9", r.header("Location"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/a\tb", "/users/a\u0001b", "/users/a\u007fb", "/users/a#b", "/search?q=a\u001fb"})
    void controlsAndHashAreRefusedByDefaultToo(String target) {
        start(ROUTES);
        assertRefused(target);
    }

    // ---- strict --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/search?filter={\"a\":1}", "/search?tags[]=x", "/users/x[1]", "/users/café", "/users/a|b",
            "/users/a\\b", "/users/a^b", "/users/a`b", "/users/a<b>", "/users/a\"b"})
    void strictRefusesWhatRfc3986Excludes(String target) {
        start(config().withTargetCharacters(TargetCharacters.STRICT), ROUTES);
        assertRefused(target);
    }

    @Test
    void strictStillServesEncodedForms() {
        start(config().withTargetCharacters(TargetCharacters.STRICT), ROUTES);
        assertEquals("id=x[1] path=/users/x%5B1%5D", get("/users/x%5B1%5D", "x"));
        assertEquals("filter={\"a\":1} tags=[x] q=null", get("/search?filter=%7B%22a%22:1%7D&tags%5B%5D=x", "x"));
    }

    // ---- absolute-form -------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://example.com/where?x=1|other.org|example.com http /where 1",
            "http://example.com:8443/where|other.org|example.com:8443 http /where null",
            "HTTP://Example.COM/where|other.org|Example.COM http /where null",
            "http://[::1]:8080/where|other.org|[::1]:8080 http /where null",
            "https://secure.example/where|other.org|secure.example http /where null",
            "/where?x=2|other.org:81|other.org:81 http /where 2",
    })
    void anAbsoluteFormAuthorityIsTheHostWhateverHostSays(String target, String host, String expected) {
        start(ROUTES);
        // The scheme stays the connection's: any client can write https:// in a target.
        assertEquals(expected, get(target, host));
    }
}
