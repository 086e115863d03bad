package dev.aurora.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.Middleware;
import dev.aurora.Router;
import dev.aurora.ServerConfig;
import dev.aurora.middleware.BodyLimit;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A route's {@link BodyLimit} above the server's {@code maxBodySize} raises the limit for that
 * route alone: a 5 MiB upload passes there while every other route still refuses it with 413
 * before its handler runs.
 */
@AuroraTest
class BodyLimitRaiseTest {
    static final int MIB = 1024 * 1024;
    static final byte[] FIVE_MIB = new byte[5 * MIB];
    static final AtomicInteger OTHER_HANDLED = new AtomicInteger();

    @TestApp
    static Aurora app() {
        Middleware readsEarly = (ctx, next) -> {
            if (ctx.header("X-Read-Early") != null) {
                ctx.body();
            }
            next.handle(ctx);
        };
        Router uploads = Router.create().use(BodyLimit.of(50L * MIB))
                .post("/big", ctx -> ctx.send("router " + ctx.body().length))
                .post("/small", ctx -> ctx.send("never"), BodyLimit.of(1024));
        return Aurora.create(ServerConfig.defaults().withMaxBodySize(MIB))
                .post("/upload", ctx -> ctx.send("got " + ctx.body().length), BodyLimit.of(50L * MIB))
                .post("/upload-streamed", ctx -> ctx.send("streamed " + ctx.bodyStream().transferTo(java.io.OutputStream.nullOutputStream())),
                        BodyLimit.of(50L * MIB))
                .post("/read-early", ctx -> ctx.send("got " + ctx.body().length), readsEarly, BodyLimit.of(50L * MIB))
                .post("/other", ctx -> {
                    OTHER_HANDLED.incrementAndGet();
                    ctx.send("other " + ctx.body().length);
                })
                .post("/ignores-body", ctx -> {
                    OTHER_HANDLED.incrementAndGet();
                    ctx.send("ignored");
                })
                .includeRouter("/files", uploads);
    }

    @BothTransports
    void theRaisedRouteAcceptsFiveMibWhileOtherRoutesRefuseIt(AuroraTestClient client) {
        int before = OTHER_HANDLED.get();
        client.post("/upload").body(FIVE_MIB, "application/octet-stream").send().assertStatus(200)
                .assertBody("got " + FIVE_MIB.length);
        client.post("/upload-streamed").body(FIVE_MIB, "application/octet-stream").send().assertStatus(200)
                .assertBody("streamed " + FIVE_MIB.length);
        client.post("/other").body(FIVE_MIB, "application/octet-stream").send().assertStatus(413);
        client.post("/ignores-body").body(FIVE_MIB, "application/octet-stream").send().assertStatus(413);
        assertEquals(before, OTHER_HANDLED.get(), "no other handler ran for the oversized body");
        client.post("/other").body(new byte[MIB], "application/octet-stream").send().assertStatus(200)
                .assertBody("other " + MIB);
        client.post("/other").body(new byte[MIB + 1], "application/octet-stream").send().assertStatus(413);
    }

    @BothTransports
    void aRoutersLimitRaisesAndTheRoutesOwnStillLowersIt(AuroraTestClient client) {
        client.post("/files/big").body(FIVE_MIB, "application/octet-stream").send().assertStatus(200)
                .assertBody("router " + FIVE_MIB.length);
        client.post("/files/small").body(new byte[1025], "application/octet-stream").send().assertStatus(413);
    }

    @BothTransports
    void middlewareThatReadsBeforeTheRaiseIsHeldToTheServersLimit(AuroraTestClient client) {
        client.post("/read-early").body(FIVE_MIB, "application/octet-stream").send().assertStatus(200);
        client.post("/read-early").header("X-Read-Early", "1").body(FIVE_MIB, "application/octet-stream").send()
                .assertStatus(413);
    }

    @Test
    @AuroraTest(server = true)
    void aChunkedUploadIsHeldToTheRoutesLimit(Aurora app) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertEquals("200 got " + FIVE_MIB.length, chunked(http, app, "/upload"));
            assertEquals(413, Integer.parseInt(chunked(http, app, "/other").substring(0, 3)));
        }
    }

    /** Posts five MiB of unknown length, which the JDK client sends chunked. */
    private static String chunked(HttpClient http, Aurora app, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(FIVE_MIB))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
