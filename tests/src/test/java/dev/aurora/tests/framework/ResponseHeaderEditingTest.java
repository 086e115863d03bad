package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code setHeader}, {@code removeHeader} and {@code responseHeader} on the server's context. */
@AuroraTest
class ResponseHeaderEditingTest {
    @TestApp
    static Aurora app() {
        return Aurora.create()
                .use((ctx, next) -> {
                    ctx.header("Vary", "Origin").header("Vary", "Cookie").header("X-Layer", "app");
                    next.handle(ctx);
                })
                .get("/replace", ctx -> ctx.setHeader("vary", "Accept").send(String.valueOf(ctx.responseHeader("VARY"))))
                .get("/remove", ctx -> ctx.removeHeader("X-Layer").send(String.valueOf(ctx.responseHeader("X-Layer"))))
                .get("/type", ctx -> {
                    ctx.contentType("text/html");
                    ctx.removeHeader("Content-Type");
                    ctx.send("plain again");
                })
                .get("/length", ctx -> {
                    ctx.header("Content-Length", "5");
                    String declared = ctx.responseHeader("Content-Length");
                    ctx.removeHeader("Content-Length");
                    ctx.send("declared " + declared);
                })
                .get("/managed", ctx -> {
                    String refused;
                    try {
                        ctx.removeHeader("Connection");
                        refused = "no";
                    } catch (IllegalArgumentException e) {
                        refused = "yes";
                    }
                    ctx.send(refused);
                })
                .get("/committed", ctx -> {
                    ctx.send("done");
                    try {
                        ctx.setHeader("X-Late", "1");
                    } catch (IllegalStateException expected) {
                        // The response left already; the test checks that X-Late is absent.
                    }
                });
    }

    @Test
    void setHeaderReplacesEveryEarlierValue(AuroraTestClient client) {
        var r = client.get("/replace").send().assertBody("Accept");
        assertEquals(List.of("Accept"), r.headers("Vary"));
    }

    @Test
    void removeHeaderRemovesIt(AuroraTestClient client) {
        var r = client.get("/remove").send().assertBody("null");
        assertNull(r.header("X-Layer"));
        assertEquals(List.of("Origin", "Cookie"), r.headers("Vary"));
    }

    @Test
    void removingTheContentTypeBringsBackTheDefault(AuroraTestClient client) {
        client.get("/type").send().assertHeader("Content-Type", "text/plain; charset=utf-8");
    }

    @Test
    void contentLengthIsReadAndRemovedThroughTheDeclaredLength(AuroraTestClient client) {
        client.get("/length").send().assertBody("declared 5").assertHeader("Content-Length", "10");
    }

    @Test
    void framingHeadersStayManagedAndACommittedResponseIsFinal(AuroraTestClient client) {
        client.get("/managed").send().assertBody("yes");
        assertNull(client.get("/committed").send().assertBody("done").header("X-Late"));
    }
}
