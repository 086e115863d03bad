package dev.aurora.tests.handler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.Aurora;
import dev.aurora.handler.StaticFileHandler;
import dev.aurora.middleware.Compression;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StaticFileHandler}: types, validators, conditional GETs, ranges, index files, and no way out of the root. */
class StaticFileHandlerTest {
    private static final String CSS = "body { color: #333; }\n";
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path tmp;
    Path root;
    AuroraTestClient client;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("public"));
        Files.writeString(root.resolve("site.css"), CSS);
        Files.setLastModifiedTime(root.resolve("site.css"), FileTime.from(MODIFIED));
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("data.bin"), "0123456789");
        Files.writeString(root.resolve(".env"), "SECRET=1");
        Files.createDirectories(root.resolve(".well-known"));
        Files.writeString(root.resolve(".well-known/security.txt"), "Contact: x");
        Files.writeString(tmp.resolve("secret.txt"), "outside the root");
        client = AuroraTestClient.of(Aurora.create().get("/assets/*file", StaticFileHandler.directory(root)));
    }

    private TestResponse get(String path, String... headers) {
        var request = client.get(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send();
    }

    @Test
    void aFileWithItsTypeAndValidators() {
        TestResponse r = get("/assets/site.css").assertStatus(200).assertBody(CSS)
                .assertHeader("Content-Type", "text/css; charset=utf-8")
                .assertHeader("Content-Length", String.valueOf(CSS.length()))
                .assertHeader("Last-Modified", "Fri, 02 Jan 2026 03:04:05 GMT")
                .assertHeader("Cache-Control", "no-cache")
                .assertHeader("Accept-Ranges", "bytes");
        assertEquals("\"" + Long.toHexString(CSS.length()) + "-" + Long.toHexString(MODIFIED.toEpochMilli()) + "\"",
                r.header("ETag"));
        get("/assets/data.bin").assertHeader("Content-Type", "application/octet-stream");
    }

    @Test
    void ifNoneMatchGets304() {
        String etag = get("/assets/site.css").header("ETag");
        for (String match : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            TestResponse r = get("/assets/site.css", "If-None-Match", match).assertStatus(304).assertBody("");
            r.assertHeader("ETag", etag).assertHeader("Cache-Control", "no-cache")
                    .assertHeader("Last-Modified", "Fri, 02 Jan 2026 03:04:05 GMT")
                    .assertHeader("Content-Type", null).assertHeader("Accept-Ranges", null);
            assertNull(r.header("Content-Length"), r::describe);
        }
        get("/assets/site.css", "If-None-Match", "\"other\"").assertStatus(200).assertBody(CSS);
        // If-None-Match wins over If-Modified-Since.
        get("/assets/site.css", "If-None-Match", "\"other\"", "If-Modified-Since", "Fri, 02 Jan 2026 03:04:05 GMT")
                .assertStatus(200);
    }

    @Test
    void ifModifiedSinceGets304WhenNotNewer() {
        get("/assets/site.css", "If-Modified-Since", "Fri, 02 Jan 2026 03:04:05 GMT").assertStatus(304);
        get("/assets/site.css", "If-Modified-Since", "Sat, 03 Jan 2026 00:00:00 GMT").assertStatus(304);
        get("/assets/site.css", "If-Modified-Since", "Friday, 02-Jan-26 03:04:05 GMT").assertStatus(304);
        get("/assets/site.css", "If-Modified-Since", "Fri Jan  2 03:04:05 2026").assertStatus(304);
        get("/assets/site.css", "If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").assertStatus(200);
        get("/assets/site.css", "If-Modified-Since", "yesterday").assertStatus(200);
    }

    @Test
    void ifMatchAndIfUnmodifiedSinceGet412WhenTheFileChanged() {
        String etag = get("/assets/site.css").header("ETag");
        get("/assets/site.css", "If-Match", etag).assertStatus(200).assertBody(CSS);
        get("/assets/site.css", "If-Match", "\"stale\", " + etag).assertStatus(200);
        get("/assets/site.css", "If-Match", "*").assertStatus(200);
        TestResponse stale = get("/assets/site.css", "If-Match", "\"stale\"").assertStatus(412)
                .assertHeader("Content-Type", "application/problem+json").assertHeader("ETag", null);
        assertEquals(412, stale.problem().status(), stale::describe);
        get("/assets/site.css", "If-Match", "W/" + etag).assertStatus(412);
        get("/assets/site.css", "If-Unmodified-Since", "Fri, 02 Jan 2026 03:04:05 GMT").assertStatus(200).assertBody(CSS);
        get("/assets/site.css", "If-Unmodified-Since", "Fri, 02 Jan 2026 03:04:04 GMT").assertStatus(412);
        get("/assets/site.css", "If-Unmodified-Since", "not a date").assertStatus(200);
        // If-Match replaces If-Unmodified-Since; passing it, If-None-Match still decides.
        get("/assets/site.css", "If-Match", etag, "If-Unmodified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").assertStatus(200);
        get("/assets/site.css", "If-Match", etag, "If-None-Match", etag).assertStatus(304);
        // A precondition comes before the range.
        get("/assets/site.css", "If-Match", "\"stale\"", "Range", "bytes=0-3").assertStatus(412);
        get("/assets/site.css", "If-Match", etag, "Range", "bytes=0-3").assertStatus(206).assertBody("body");
        TestResponse head = client.request("HEAD", "/assets/site.css").header("If-Match", "\"stale\"").send();
        head.assertStatus(412);
    }

    @Test
    void aSingleRangeGets206() {
        get("/assets/data.bin", "Range", "bytes=2-5").assertStatus(206).assertBody("2345")
                .assertHeader("Content-Range", "bytes 2-5/10").assertHeader("Content-Length", "4");
        get("/assets/data.bin", "Range", "bytes=7-").assertStatus(206).assertBody("789");
        get("/assets/data.bin", "Range", "bytes=-3").assertStatus(206).assertBody("789")
                .assertHeader("Content-Range", "bytes 7-9/10");
        get("/assets/data.bin", "Range", "bytes=8-100").assertStatus(206).assertBody("89");
        get("/assets/data.bin", "Range", "bytes=-100").assertStatus(206).assertBody("0123456789");
    }

    @Test
    void aRangePastTheEndGets416AndOddRangesGetTheWholeFile() {
        get("/assets/data.bin", "Range", "bytes=10-").assertStatus(416).assertHeader("Content-Range", "bytes */10").assertBody("");
        for (String odd : new String[] {"bytes=0-1,4-5", "bytes=x-y", "items=0-1", "bytes=5-2", "bytes="}) {
            get("/assets/data.bin", "Range", odd).assertStatus(200).assertBody("0123456789");
        }
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheCurrentVersion() {
        TestResponse full = get("/assets/site.css");
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", full.header("ETag")).assertStatus(206).assertBody("body");
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", full.header("Last-Modified")).assertStatus(206);
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", "\"stale\"").assertStatus(200).assertBody(CSS);
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", "Thu, 01 Jan 2026 00:00:00 GMT").assertStatus(200);
        // A weak tag never honours a range (strong comparison), nor does an unparsable date.
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", "W/" + full.header("ETag")).assertStatus(200).assertBody(CSS);
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", "yesterday").assertStatus(200);
        // The same date in an obsolete form is the same date.
        get("/assets/site.css", "Range", "bytes=0-3", "If-Range", "Friday, 02-Jan-26 03:04:05 GMT").assertStatus(206);
        // A 416 describes no file content, so it has no file type.
        get("/assets/data.bin", "Range", "bytes=10-").assertStatus(416).assertHeader("Content-Type", null);
    }

    @Test
    void headSendsTheHeadersOnly() {
        client.head("/assets/site.css").send().assertStatus(200).assertBody("")
                .assertHeader("Content-Length", String.valueOf(CSS.length()))
                .assertHeader("Content-Type", "text/css; charset=utf-8");
    }

    @Test
    void directoriesServeTheirIndexAfterARedirectToTheSlash() {
        get("/assets/").assertStatus(200).assertBody("<h1>home</h1>").assertHeader("Content-Type", "text/html; charset=utf-8");
        get("/assets/docs").assertStatus(301).assertHeader("Location", "/assets/docs/");
        get("/assets/docs/").assertStatus(200).assertBody("<h1>docs</h1>");
        get("/assets/empty/").assertStatus(404);
        AuroraTestClient noIndex = AuroraTestClient.of(Aurora.create().get("/s/*f", StaticFileHandler.directory(root).index(null)));
        noIndex.get("/s/docs/").send().assertStatus(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/..%2Fsecret.txt",
        "/assets/docs/..%2F..%2Fsecret.txt", "/assets/%2E%2E%5Csecret.txt", "/assets/..%5Csecret.txt",
        "/assets/a%5C..%5C..%5Csecret.txt"})
    void dotSegmentsNeverReachAFile(String path) {
        TestResponse r = get(path);
        assertEquals(400, r.status(), r::describe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/C:%5Csecret.txt", "/assets/a%5Cb.txt",
        "/assets/.env", "/assets/docs/%00", "/assets/missing.css", "/assets/site.css/"})
    void refusedOrMissingIs404(String path) {
        assertEquals(404, get(path).status(), path);
    }

    @Test
    void aSymlinkOutOfTheRootIsNotFollowed() throws IOException {
        try {
            Files.createSymbolicLink(root.resolve("escape.txt"), tmp.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("outside"), tmp);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        get("/assets/escape.txt").assertStatus(404);
        get("/assets/outside/secret.txt").assertStatus(404);
        Files.createSymbolicLink(root.resolve("alias.css"), root.resolve("site.css"));
        get("/assets/alias.css").assertStatus(200).assertBody(CSS);
    }

    @Test
    void dotFilesOnlyWhenAllowedButWellKnownAlways() {
        get("/assets/.well-known/security.txt").assertStatus(200).assertBody("Contact: x");
        AuroraTestClient open = AuroraTestClient.of(Aurora.create().get("/s/*f", StaticFileHandler.directory(root).dotFiles(true)));
        open.get("/s/.env").send().assertStatus(200).assertBody("SECRET=1");
    }

    @Test
    void cacheControlIsConfigurable() {
        AuroraTestClient c = AuroraTestClient.of(Aurora.create()
                .get("/a/*f", StaticFileHandler.directory(root).cacheControl("public, max-age=31536000, immutable"))
                .get("/b/*f", StaticFileHandler.directory(root).cacheControl(null)));
        c.get("/a/site.css").send().assertHeader("Cache-Control", "public, max-age=31536000, immutable");
        assertNull(c.get("/b/site.css").send().header("Cache-Control"));
    }

    @Test
    void aClasspathFolder() {
        AuroraTestClient c = AuroraTestClient.of(Aurora.create().get("/*path", StaticFileHandler.classpath("static-test")));
        c.get("/hello.txt").send().assertStatus(200).assertBody("hello from the class path\n")
                .assertHeader("Content-Type", "text/plain; charset=utf-8");
        c.get("/").send().assertStatus(200).assertBody("<h1>cp index</h1>\n");
        c.get("/docs").send().assertStatus(301).assertHeader("Location", "/docs/");
        c.get("/docs/").send().assertStatus(200).assertBody("<h1>cp docs</h1>\n");
        c.get("/nope.txt").send().assertStatus(404);
        assertThrows(IllegalArgumentException.class, () -> StaticFileHandler.classpath("no-such-folder"));
    }

    @Test
    void misuseFailsClearly() {
        assertThrows(IllegalArgumentException.class, () -> StaticFileHandler.directory(tmp.resolve("absent")));
        assertThrows(IllegalArgumentException.class, () -> StaticFileHandler.directory(root.resolve("site.css")));
        assertThrows(IllegalArgumentException.class, () -> StaticFileHandler.directory(root).index("../x.html"));
        assertThrows(IllegalArgumentException.class, () -> StaticFileHandler.directory(root).index("a/b.html"));
        AuroraTestClient wrong = AuroraTestClient.of(Aurora.create().get("/file/:name", StaticFileHandler.directory(root)));
        wrong.get("/file/site.css").send().assertStatus(500);
    }

    @Test
    void aLargeFileOverARealSocket() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        try (Aurora app = Aurora.create().get("/assets/*file", StaticFileHandler.directory(root)).start(0);
                HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/assets/big.bin");
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, whole.statusCode());
            assertArrayEquals(big, whole.body());
            HttpResponse<byte[]> middle = http.send(HttpRequest.newBuilder(uri).header("Range", "bytes=1000000-1999999").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, middle.statusCode());
            assertArrayEquals(Arrays.copyOfRange(big, 1_000_000, 2_000_000), middle.body());
            HttpResponse<String> text = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/assets/site.css")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(CSS, text.body());
        }
    }

    @Test
    void withCompressionAFileIsGzippedAndStillRevalidates() throws IOException {
        String css = "body { margin: 0; }\n".repeat(200);
        Files.writeString(root.resolve("big.css"), css);
        AuroraTestClient c = AuroraTestClient.of(Aurora.create()
                .use(Compression.defaults())
                .get("/assets/*file", StaticFileHandler.directory(root)));
        TestResponse gz = c.get("/assets/big.css").header("Accept-Encoding", "gzip").send().assertStatus(200)
                .assertHeader("Content-Encoding", "gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertEquals(css, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String etag = gz.header("ETag");
        assertEquals("W/", etag.substring(0, 2), "a compressed representation has a weak validator");
        c.get("/assets/big.css").header("Accept-Encoding", "gzip").header("If-None-Match", etag).send().assertStatus(304);
        c.get("/assets/big.css").header("Accept-Encoding", "gzip").header("Range", "bytes=0-9").send()
                .assertStatus(206).assertBody(css.substring(0, 10));
    }

    @Test
    void aLargeFileReachesASlowReaderWholeAndIsCounted() throws Exception {
        // A small receive window makes the server's socket buffer fill again and again, so the
        // zero-copy transfer keeps finding no room and must wait the ordinary way.
        byte[] big = new byte[8 * 1024 * 1024 + 3];
        new Random(11).nextBytes(big);
        Files.write(root.resolve("large.bin"), big);
        try (Aurora app = Aurora.create().get("/assets/*file", StaticFileHandler.directory(root)).start(0);
                java.net.Socket socket = new java.net.Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", app.port()));
            socket.setSoTimeout(20_000);
            long writtenBefore = app.stats().bytesWritten();
            var out = socket.getOutputStream();
            out.write(("GET /assets/large.bin HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /assets/site.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            assertEquals("HTTP/1.1 200 OK", text.substring(0, 15));
            assertArrayEquals(big, Arrays.copyOfRange(all, bodyStart, bodyStart + big.length));
            String second = text.substring(bodyStart + big.length);
            assertEquals("HTTP/1.1 200 OK", second.substring(0, 15), "the connection carried on after the file");
            assertEquals(CSS, second.substring(second.indexOf("\r\n\r\n") + 4));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> app.stats().bytesWritten() - writtenBefore == all.length);
        }
    }
}
