package dev.aurora.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.middleware.Compression;
import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestConnection;
import dev.aurora.test.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Compression}: negotiation, the rules for what is compressed, and bodies that decompress to the original. */
class CompressionTest {
    private static final String TEXT = lines(200);
    private static final String SMALL = "short answer";
    private static final byte[] BIG = lines(20_000).getBytes(StandardCharsets.US_ASCII);

    AuroraTestClient client;

    @BeforeEach
    void app() {
        client = AuroraTestClient.of(routes(Aurora.create().use(Compression.defaults())));
    }

    private static Aurora routes(Aurora app) {
        return app
                .get("/text", ctx -> ctx.send(TEXT))
                .get("/small", ctx -> ctx.send(SMALL))
                .get("/utf", ctx -> ctx.send("grüße ".repeat(500)))
                .get("/big", ctx -> ctx.contentType("text/plain").send(BIG))
                .get("/json", ctx -> ctx.json(Map.of("items", List.of(TEXT, TEXT))))
                .get("/bytes", ctx -> ctx.send(BIG))
                .get("/typed/*type", ctx -> ctx.contentType(ctx.param("type").replace('_', '/')).send(BIG))
                .get("/varied", ctx -> ctx.header("Vary", "Origin, accept-encoding").contentType("text/plain").send(BIG))
                .get("/tagged", ctx -> ctx.header("ETag", "\"v1\"").contentType("text/plain").send(BIG))
                .get("/encoded", ctx -> ctx.header("Content-Encoding", "br").contentType("text/plain").send(BIG))
                .get("/partial", ctx -> ctx.status(206).header("Content-Range", "bytes 0-1999/5000")
                        .contentType("text/plain").send(TEXT.substring(0, 2000)))
                .get("/not-modified", ctx -> ctx.status(304).contentType("text/plain").send(""))
                .get("/no-content", ctx -> ctx.status(204).contentType("text/plain").send(""))
                // A 304 standing for a 200 of this type and length, as static files send it.
                .get("/revalidated/:length", ctx -> ctx.status(304).header("ETag", "\"v1\"").contentType("text/css")
                        .header("Content-Length", ctx.param("length")).send(""))
                .get("/revalidated-image", ctx -> ctx.status(304).header("ETag", "\"v1\"").contentType("image/png")
                        .header("Content-Length", "5000").send(""))
                .get("/twice", ctx -> {
                    ctx.contentType("text/plain").outputStream().write(SMALL.getBytes(StandardCharsets.US_ASCII));
                    ctx.send(TEXT);
                })
                .get("/stream", ctx -> {
                    ctx.contentType("text/plain");
                    try (OutputStream out = ctx.outputStream()) {
                        out.write(BIG, 0, BIG.length / 2);
                        out.flush();
                        out.write(BIG, BIG.length / 2, BIG.length - BIG.length / 2);
                    }
                });
    }

    private TestResponse get(String path, String acceptEncoding) {
        var request = client.get(path);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return request.send();
    }

    @Test
    void gzipWhenAcceptedKeepingTheContentLength() {
        TestResponse r = get("/text", "gzip, deflate, br").assertStatus(200)
                .assertHeader("Content-Encoding", "gzip")
                .assertHeader("Vary", "Accept-Encoding")
                .assertHeader("Content-Type", "text/plain; charset=utf-8");
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        assertTrue(r.body().length < TEXT.length() / 4, "compressed to " + r.body().length);
        assertEquals(TEXT, new String(gunzip(r.body()), StandardCharsets.UTF_8));
    }

    @Test
    void deflateWhenPreferred() {
        TestResponse r = get("/text", "gzip;q=0.5, deflate").assertHeader("Content-Encoding", "deflate");
        assertEquals(TEXT, new String(inflate(r.body()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "br", "gzip;q=0, deflate;q=0", "*;q=0"})
    void nothingAcceptableMeansIdentityButStillVary(String acceptEncoding) {
        get("/text", acceptEncoding).assertBody(TEXT).assertHeader("Content-Encoding", null)
                .assertHeader("Vary", "Accept-Encoding");
        get("/text", null).assertBody(TEXT).assertHeader("Content-Encoding", null)
                .assertHeader("Vary", "Accept-Encoding");
    }

    @Test
    void bodiesBelowTheMinimumAreSentAsTheyAre() {
        get("/small", "gzip").assertBody(SMALL).assertHeader("Content-Encoding", null)
                .assertHeader("Vary", "Accept-Encoding");
        var small = AuroraTestClient.of(routes(Aurora.create().use(Compression.builder().minSize(5).build())));
        TestResponse r = small.get("/small").header("Accept-Encoding", "gzip").send().assertHeader("Content-Encoding", "gzip");
        assertEquals(SMALL, new String(gunzip(r.body()), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().minSize(-1));
    }

    @Test
    void onlyTypesOnTheAllowList() {
        var csvOnly = AuroraTestClient.of(routes(Aurora.create().use(Compression.builder().types("text/csv").build())));
        csvOnly.get("/text").header("Accept-Encoding", "gzip").send().assertBody(TEXT)
                .assertHeader("Content-Encoding", null).assertHeader("Vary", null);
        TestResponse csv = csvOnly.get("/typed/text_csv").header("Accept-Encoding", "gzip").send()
                .assertHeader("Content-Encoding", "gzip");
        assertArrayEquals(BIG, gunzip(csv.body()));
        get("/bytes", "gzip").assertHeader("Content-Encoding", null).assertHeader("Vary", null);
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().types("text"));
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().types("*/*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image_png", "image_jpeg", "video_mp4", "audio_ogg", "application_zip", "application_gzip",
        "font_woff2", "text_event-stream"})
    void neverCompressedTypes(String type) {
        var everything = AuroraTestClient.of(routes(Aurora.create()
                .use(Compression.builder().types("image/*", "video/*", "audio/*", "application/*", "font/*", "text/*").build())));
        TestResponse r = everything.get("/typed/" + type).header("Accept-Encoding", "gzip").send()
                .assertHeader("Content-Encoding", null).assertHeader("Vary", null);
        assertArrayEquals(BIG, r.body());
    }

    @Test
    void svgIsCompressedThoughAnImage() {
        TestResponse r = get("/typed/image_svg+xml", "gzip").assertHeader("Content-Encoding", "gzip");
        assertArrayEquals(BIG, gunzip(r.body()));
    }

    @Test
    void partialNotModifiedNoContentAndRangeRequestsAreUntouched() {
        get("/partial", "gzip").assertStatus(206).assertHeader("Content-Encoding", null)
                .assertHeader("Content-Range", "bytes 0-1999/5000").assertBody(TEXT.substring(0, 2000));
        get("/not-modified", "gzip").assertStatus(304).assertHeader("Content-Encoding", null);
        get("/no-content", "gzip").assertStatus(204).assertHeader("Content-Encoding", null);
        client.get("/text").header("Accept-Encoding", "gzip").header("Range", "bytes=0-10").send()
                .assertHeader("Content-Encoding", null).assertBody(TEXT);
    }

    @Test
    void a304GetsTheVaryAndWeakTagOfThe200ItStandsFor() {
        get("/revalidated/5000", "gzip").assertStatus(304).assertHeader("ETag", "W/\"v1\"")
                .assertHeader("Vary", "Accept-Encoding").assertHeader("Content-Encoding", null)
                .assertHeader("Content-Type", null).assertHeader("Content-Length", null);
        // Uncompressed 200s: too small, not accepted, or of a type never compressed.
        get("/revalidated/100", "gzip").assertStatus(304).assertHeader("ETag", "\"v1\"").assertHeader("Vary", "Accept-Encoding");
        get("/revalidated/5000", null).assertStatus(304).assertHeader("ETag", "\"v1\"").assertHeader("Vary", "Accept-Encoding");
        get("/revalidated-image", "gzip").assertStatus(304).assertHeader("ETag", "\"v1\"").assertHeader("Vary", null);
    }

    @Test
    void headIsNotCompressed() {
        TestResponse r = client.request("HEAD", "/text").header("Accept-Encoding", "gzip").send().assertStatus(200)
                .assertHeader("Content-Encoding", null).assertHeader("Vary", "Accept-Encoding")
                .assertHeader("Content-Length", String.valueOf(TEXT.length()));
        assertEquals(0, r.body().length);
    }

    @Test
    void sendingAfterStreamingFailsAsWithoutCompression() {
        get("/twice", "gzip").assertStatus(500);
        get("/text", "gzip").assertHeader("Content-Encoding", "gzip");
    }

    @Test
    void aVaryThatNamesAcceptEncodingAlreadyIsNotRepeated() {
        get("/varied", "gzip").assertHeader("Content-Encoding", "gzip").assertHeaders("Vary", "Origin, accept-encoding");
        get("/text", "gzip").assertHeaders("Vary", "Accept-Encoding");
    }

    @Test
    void aCompressedResponseHasAWeakETag() {
        get("/tagged", "gzip").assertHeader("Content-Encoding", "gzip").assertHeader("ETag", "W/\"v1\"");
        get("/tagged", null).assertHeader("Content-Encoding", null).assertHeader("ETag", "\"v1\"");
    }

    @Test
    void aResponseThatIsEncodedAlreadyIsLeftAlone() {
        TestResponse r = get("/encoded", "gzip").assertHeader("Content-Encoding", "br").assertHeader("Vary", null);
        assertArrayEquals(BIG, r.body());
    }

    @Test
    void jsonUtf8AndLargeBodiesDecompressToTheOriginal() {
        TestResponse json = get("/json", "gzip").assertHeader("Content-Encoding", "gzip")
                .assertHeader("Content-Type", "application/json");
        assertEquals("{\"items\":[\"" + TEXT.replace("\n", "\\n") + "\",\"" + TEXT.replace("\n", "\\n") + "\"]}",
                new String(gunzip(json.body()), StandardCharsets.UTF_8));
        TestResponse utf = get("/utf", "deflate").assertHeader("Content-Encoding", "deflate");
        assertEquals("grüße ".repeat(500), new String(inflate(utf.body()), StandardCharsets.UTF_8));
        // More than one buffer of compressed output: streamed chunked instead of with a length.
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        var noisy = AuroraTestClient.of(Aurora.create().use(Compression.defaults())
                .get("/noise", ctx -> ctx.contentType("text/plain").send(noise)));
        TestResponse r = noisy.get("/noise").header("Accept-Encoding", "gzip").send()
                .assertHeader("Content-Encoding", "gzip").assertHeader("Content-Length", null)
                .assertHeader("Transfer-Encoding", "chunked");
        assertArrayEquals(noise, gunzip(r.body()));
        TestResponse big = get("/big", "deflate").assertHeader("Content-Encoding", "deflate");
        assertArrayEquals(BIG, inflate(big.body()));
    }

    @Test
    void streamedBodiesAreCompressedChunked() {
        TestResponse r = get("/stream", "gzip").assertHeader("Content-Encoding", "gzip")
                .assertHeader("Transfer-Encoding", "chunked").assertHeader("Vary", "Accept-Encoding");
        assertArrayEquals(BIG, gunzip(r.body()));
        get("/stream", null).assertHeader("Content-Encoding", null).assertBody(new String(BIG, StandardCharsets.US_ASCII));
    }

    @Test
    void theConnectionIsKeptAliveAcrossCompressedResponses() {
        try (TestConnection connection = client.connect()) {
            for (int i = 0; i < 3; i++) {
                for (String path : List.of("/text", "/stream", "/big", "/small", "/json")) {
                    TestResponse r = connection.get(path).header("Accept-Encoding", "gzip").send().assertStatus(200);
                    if (!path.equals("/small")) {
                        r.assertHeader("Content-Encoding", "gzip");
                        gunzip(r.body());
                    }
                }
            }
            assertTrue(connection.isOpen());
        }
    }

    @Test
    void fiveMegabytesStreamedOverASocket() throws Exception {
        byte[] piece = lines(64).getBytes(StandardCharsets.US_ASCII);
        int pieces = 5 * 1024 * 1024 / piece.length + 1;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < pieces; i++) {
            sha.update(piece);
        }
        byte[] expected = sha.digest();
        try (Aurora app = Aurora.create().use(Compression.defaults()).get("/large", ctx -> {
            ctx.contentType("text/plain");
            try (OutputStream out = ctx.outputStream()) {
                for (int i = 0; i < pieces; i++) {
                    out.write(piece);
                }
            }
        }).start(0); HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/large");
            for (int round = 0; round < 2; round++) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
                assertNull(r.headers().firstValue("Content-Length").orElse(null));
                MessageDigest actual = MessageDigest.getInstance("SHA-256");
                long total = 0;
                try (InputStream in = new GZIPInputStream(r.body())) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) > 0; total += n) {
                        actual.update(buf, 0, n);
                    }
                }
                assertEquals((long) pieces * piece.length, total);
                assertArrayEquals(expected, actual.digest());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stream", "/big"})
    void http10BodiesOfUnknownCompressedLengthAreCloseDelimited(String path) {
        byte[] raw = client.raw("GET " + path + " HTTP/1.0\r\nAccept-Encoding: gzip\r\n\r\n").bytes();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        String head = text.substring(0, bodyStart);
        assertTrue(head.contains("Content-Encoding: gzip") && head.contains("Connection: close")
                && !head.contains("Transfer-Encoding") && !head.contains("Content-Length"), head);
        assertArrayEquals(BIG, gunzip(Arrays.copyOfRange(raw, bodyStart, raw.length)));
    }

    @Test
    void flushLetsTheClientDecodeWhatWasWrittenSoFar() throws Exception {
        byte[] first = lines(100).getBytes(StandardCharsets.US_ASCII);
        byte[] rest = lines(300).getBytes(StandardCharsets.US_ASCII);
        CountDownLatch clientGotFirst = new CountDownLatch(1);
        AtomicBoolean inTime = new AtomicBoolean();
        try (Aurora app = Aurora.create().use(Compression.defaults()).get("/live", ctx -> {
            ctx.contentType("text/plain");
            try (OutputStream out = ctx.outputStream()) {
                out.write(first);
                out.flush();
                inTime.set(clientGotFirst.await(10, TimeUnit.SECONDS));
                out.write(rest);
            }
        }).start(0); HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/live");
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = new GZIPInputStream(r.body())) {
                assertArrayEquals(first, in.readNBytes(first.length));
                clientGotFirst.countDown();
                assertArrayEquals(rest, in.readAllBytes());
            }
            assertTrue(inTime.get(), "the first part arrived only with the rest");
        }
    }

    private static String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("line ").append(i).append(": the quick brown fox jumps over the lazy dog\n");
        }
        return b.toString();
    }

    static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] inflate(byte[] bytes) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
