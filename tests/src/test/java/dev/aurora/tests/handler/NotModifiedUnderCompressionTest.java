package dev.aurora.tests.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.handler.StaticFileHandler;
import dev.aurora.middleware.Compression;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;

/**
 * Regression: a {@code 304} for a compressible static file behind {@link Compression} lost
 * {@code Vary: Accept-Encoding}, carried the strong {@code ETag} where the {@code 200} had the weak
 * one, and gained {@code Content-Type: application/octet-stream}. A {@code 304} must carry the
 * validators and cache fields its {@code 200} would (RFC 9110 section 15.4.5), and nothing that
 * describes content it does not have.
 */
@AuroraTest
class NotModifiedUnderCompressionTest {

    @TestApp
    static Aurora app() {
        return Aurora.create().use(Compression.defaults())
                .get("/*file", StaticFileHandler.classpath("static-test").cacheControl("public, max-age=60"));
    }

    private static TestResponse gzipGet(AuroraTestClient client, String name, String value) {
        var request = client.get("/big.css").header("Accept-Encoding", "gzip");
        return name == null ? request.send() : request.header(name, value).send();
    }

    @BothTransports
    void aRevalidated304CarriesTheHeadersOfTheCompressed200(AuroraTestClient client) {
        TestResponse ok = gzipGet(client, null, null).assertStatus(200).assertHeader("Content-Encoding", "gzip");
        String etag = ok.header("ETag");
        assertTrue(etag.startsWith("W/\""), etag);

        TestResponse byTag = gzipGet(client, "If-None-Match", etag);
        TestResponse byDate = gzipGet(client, "If-Modified-Since", ok.header("Last-Modified"));
        for (TestResponse notModified : new TestResponse[] {byTag, byDate}) {
            notModified.assertStatus(304)
                    .assertHeader("ETag", etag)
                    .assertHeader("Vary", "Accept-Encoding")
                    .assertHeader("Cache-Control", "public, max-age=60")
                    .assertHeader("Last-Modified", ok.header("Last-Modified"))
                    .assertHeader("Content-Type", null)
                    .assertHeader("Content-Length", null)
                    .assertHeader("Content-Encoding", null)
                    .assertHeader("Transfer-Encoding", null);
            assertNotNull(notModified.header("Date"), notModified::describe);
            assertEquals(0, notModified.body().length, notModified::describe);
            assertEquals(1, notModified.headers("Vary").size(), notModified::describe);
        }
    }

    @BothTransports
    void withoutGzipThe304KeepsTheStrongTagAndTheVary(AuroraTestClient client) {
        TestResponse ok = client.get("/big.css").send().assertStatus(200).assertHeader("Content-Encoding", null)
                .assertHeader("Vary", "Accept-Encoding");
        String etag = ok.header("ETag");
        assertTrue(etag.startsWith("\""), etag);
        client.get("/big.css").header("If-None-Match", etag).send().assertStatus(304)
                .assertHeader("ETag", etag).assertHeader("Vary", "Accept-Encoding").assertHeader("Content-Type", null);
    }
}
