package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ETag;
import dev.aurora.Router;
import dev.aurora.middleware.Compression;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.RawResult;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.conditional(etag, lastModified)} end to end: a 304 for GET and HEAD, a 412 problem
 * for stale writes, the validators on the 200, and the same under {@code Compression}.
 */
@AuroraTest(server = true)
class ConditionalRequestTest {
    private static final String TAG = "\"v3\"";
    /** With nanoseconds, which Last-Modified must drop. */
    private static final Instant UPDATED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String UPDATED_DATE = "Fri, 02 Jan 2026 03:04:05 GMT";
    private static final String LIST = "[\"%s\"]".formatted("x".repeat(2000));
    /** How often a write got past its preconditions. */
    static final AtomicInteger WRITES = new AtomicInteger();

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .get("/doc", ctx -> {
                    ctx.header("Cache-Control", "private, max-age=0, must-revalidate").header("Vary", "Cookie");
                    if (ctx.conditional(TAG, UPDATED)) {
                        return;
                    }
                    ctx.send("the document");
                })
                .put("/doc", ctx -> {
                    ctx.conditional(TAG, UPDATED);
                    WRITES.incrementAndGet();
                    ctx.status(204);
                })
                .get("/weak", ctx -> {
                    if (!ctx.conditional(ETag.weak("w1"), null)) {
                        ctx.send("weak");
                    }
                })
                .get("/dated", ctx -> {
                    if (!ctx.conditional(null, UPDATED)) {
                        ctx.send("dated");
                    }
                })
                .get("/future", ctx -> {
                    if (!ctx.conditional(null, Instant.now().plus(Duration.ofDays(1)))) {
                        ctx.send("future");
                    }
                })
                .get("/unquoted", ctx -> ctx.conditional("v3", null))
                .includeRouter("/zipped", Router.create().use(Compression.defaults())
                        .get("/list", ctx -> {
                            ctx.contentType("application/json");
                            if (!ctx.conditional(TAG, null)) {
                                ctx.send(LIST);
                            }
                        })
                        .put("/list", ctx -> {
                            ctx.conditional(TAG, null);
                            WRITES.incrementAndGet();
                            ctx.status(204);
                        }));
    }

    @BothTransports
    void theValidatorsGoOnThe200(AuroraTestClient client) {
        client.get("/doc").send().assertStatus(200).assertBody("the document")
                .assertHeader("ETag", TAG)
                .assertHeader("Last-Modified", UPDATED_DATE)
                .assertHeader("Cache-Control", "private, max-age=0, must-revalidate");
    }

    @BothTransports
    void aMatchingIfNoneMatchIs304WithTheHeadersOfThe200(AuroraTestClient client) {
        for (String method : List.of("GET", "HEAD")) {
            for (String tag : List.of(TAG, "W/\"v3\"", "\"v1\", \"v3\"", "*")) {
                TestResponse r = client.request(method, "/doc").header("If-None-Match", tag).send().assertStatus(304)
                        .assertBody("")
                        .assertHeader("ETag", TAG)
                        .assertHeader("Last-Modified", UPDATED_DATE)
                        .assertHeader("Cache-Control", "private, max-age=0, must-revalidate")
                        .assertHeader("Vary", "Cookie")
                        .assertHeader("Content-Type", null)
                        .assertHeader("Content-Length", null);
                assertNotNull(r.header("Date"), r::describe);
            }
        }
        client.get("/doc").header("If-None-Match", "\"v2\"").send().assertStatus(200).assertBody("the document");
    }

    @BothTransports
    void ifModifiedSinceComparesWholeSeconds(AuroraTestClient client) {
        client.get("/doc").header("If-Modified-Since", UPDATED_DATE).send().assertStatus(304);
        client.get("/doc").header("If-Modified-Since", "Fri, 02 Jan 2026 03:04:04 GMT").send().assertStatus(200);
        client.get("/doc").header("If-Modified-Since", "not a date").send().assertStatus(200);
        client.get("/dated").header("If-Modified-Since", UPDATED_DATE).send().assertStatus(304)
                .assertHeader("ETag", null).assertHeader("Last-Modified", UPDATED_DATE);
        // If-None-Match decides alone when both are sent.
        client.get("/doc").header("If-None-Match", "\"v2\"").header("If-Modified-Since", UPDATED_DATE).send()
                .assertStatus(200);
    }

    @BothTransports
    void aWriteWithTheCurrentTagProceeds(AuroraTestClient client) {
        int before = WRITES.get();
        client.put("/doc").header("If-Match", TAG).send().assertStatus(204);
        client.put("/doc").header("If-Match", "\"v2\", \"v3\"").send().assertStatus(204);
        client.put("/doc").header("If-Unmodified-Since", UPDATED_DATE).send().assertStatus(204);
        client.put("/doc").send().assertStatus(204);
        assertEquals(before + 4, WRITES.get());
    }

    @BothTransports
    void aWriteThatProceedsIsNotAnsweredWithTheValidatorsOfTheStateItChanged(AuroraTestClient client) {
        client.put("/doc").header("If-Match", TAG).send().assertStatus(204)
                .assertHeader("ETag", null).assertHeader("Last-Modified", null);
    }

    @BothTransports
    void aStaleWriteIs412ProblemAndDoesNotHappen(AuroraTestClient client) {
        int before = WRITES.get();
        Map<String, String> stale = Map.of(
                "If-Match", "\"v2\"",
                "If-Unmodified-Since", "Fri, 02 Jan 2026 03:04:04 GMT",
                "If-None-Match", "*");
        for (var precondition : stale.entrySet()) {
            TestResponse r = client.put("/doc").header(precondition.getKey(), precondition.getValue()).send()
                    .assertStatus(412).assertHeader("Content-Type", "application/problem+json");
            assertEquals(412, r.problem().status(), r::describe);
            assertTrue(r.problem().detail().contains(precondition.getKey()), r::describe);
        }
        // Strong comparison: the weak form of the tag does not match, nor does a malformed field.
        client.put("/doc").header("If-Match", "W/\"v3\"").send().assertStatus(412);
        client.put("/doc").header("If-Match", "v3").send().assertStatus(412);
        assertEquals(before, WRITES.get());
    }

    @BothTransports
    void aFailedIfMatchOnAGetIs412Too(AuroraTestClient client) {
        client.get("/doc").header("If-Match", "\"v2\"").header("If-None-Match", TAG).send().assertStatus(412);
    }

    @BothTransports
    void aWeakTagMatchesIfNoneMatchButNeverIfMatch(AuroraTestClient client) {
        client.get("/weak").send().assertStatus(200).assertHeader("ETag", "W/\"w1\"");
        client.get("/weak").header("If-None-Match", "\"w1\"").send().assertStatus(304).assertHeader("ETag", "W/\"w1\"");
        client.get("/weak").header("If-Match", "W/\"w1\"").send().assertStatus(412);
    }

    @BothTransports
    void aModificationInTheFutureIsSentAsNow(AuroraTestClient client) {
        TestResponse r = client.get("/future").send().assertStatus(200);
        ZonedDateTime modified = ZonedDateTime.parse(r.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME);
        ZonedDateTime date = ZonedDateTime.parse(r.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertFalse(modified.isAfter(date), r::describe);
    }

    @BothTransports
    void anUnquotedTagIsAProgrammingError(AuroraTestClient client) {
        client.get("/unquoted").send().assertStatus(500);
        assertThrows(IllegalArgumentException.class, () -> ETag.strong("a\"b"));
        assertThrows(IllegalArgumentException.class, () -> ETag.weak("a b"));
        assertEquals("\"a\"", ETag.strong("a"));
        assertEquals("W/\"a\"", ETag.weak("a"));
    }

    @BothTransports
    void underCompressionThe304NamesTheWeakTagOfTheCompressed200(AuroraTestClient client) {
        TestResponse ok = client.get("/zipped/list").header("Accept-Encoding", "gzip").send().assertStatus(200)
                .assertHeader("Content-Encoding", "gzip").assertHeader("ETag", "W/" + TAG)
                .assertHeader("Vary", "Accept-Encoding");
        client.get("/zipped/list").header("Accept-Encoding", "gzip").header("If-None-Match", ok.header("ETag")).send()
                .assertStatus(304).assertHeader("ETag", "W/" + TAG).assertHeader("Vary", "Accept-Encoding")
                .assertHeader("Content-Type", null).assertHeader("Content-Encoding", null);
        client.get("/zipped/list").header("If-None-Match", TAG).send()
                .assertStatus(304).assertHeader("ETag", TAG).assertHeader("Vary", "Accept-Encoding");
    }

    @BothTransports
    void underCompressionIfMatchTakesTheWeakenedTagTheClientWasGiven(AuroraTestClient client) {
        int before = WRITES.get();
        client.put("/zipped/list").header("If-Match", "W/" + TAG).send().assertStatus(204);
        client.put("/zipped/list").header("If-Match", TAG).send().assertStatus(204);
        client.put("/zipped/list").header("If-Match", "W/\"v2\"").send().assertStatus(412);
        assertEquals(before + 2, WRITES.get());
    }

    @BothTransports
    void a304LeavesTheConnectionReadyForTheNextRequest(AuroraTestClient client) {
        RawResult result = client.raw("GET /doc HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"v3\"\r\n\r\n"
                + "GET /doc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        List<TestResponse> responses = result.responses();
        assertEquals(2, responses.size(), result::toString);
        responses.get(0).assertStatus(304).assertHeader("Content-Length", null).assertHeader("Transfer-Encoding", null);
        responses.get(1).assertStatus(200).assertBody("the document");
    }

    @Test
    void theJdkClientRevalidates(Aurora app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + app.port() + "/doc");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
