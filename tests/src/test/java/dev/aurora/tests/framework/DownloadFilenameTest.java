package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ContentDisposition;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A download named in any script ({@code ctx.attachment("表紙.png")}) reaches real clients, and a
 * header value that cannot be sent fails in the handler that set it, saying why and what to use.
 */
@AuroraTest
class DownloadFilenameTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final Pattern EXTENDED = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)");

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .get("/cover", ctx -> ctx.attachment("表紙.png").contentType("image/png").send(PNG))
                .get("/report", ctx -> ctx.setHeader("Content-Disposition", ContentDisposition.inline("Bericht Qualität.pdf"))
                        .send("pdf"))
                .get("/raw", ctx -> {
                    try {
                        ctx.header("Content-Disposition", "attachment; filename=\"表紙.png\"");
                        ctx.send("accepted");
                    } catch (IllegalArgumentException e) {
                        ctx.status(422).send(e.getMessage());
                    }
                })
                .get("/raw-unhandled", ctx -> ctx.header("Content-Disposition", "attachment; filename=\"表紙.png\"")
                        .send("never"));
    }

    @BothTransports
    void aJapaneseFileNameIsSentAsAnAsciiFallbackAndUtf8(AuroraTestClient client) {
        TestResponse response = client.get("/cover").send().assertStatus(200);
        assertEquals("attachment; filename=\"_.png\"; filename*=UTF-8''%E8%A1%A8%E7%B4%99.png",
                response.header("Content-Disposition"));
        assertArrayEquals(PNG, response.body());
        assertEquals("Bericht Qualität.pdf", extendedName(client.get("/report").send().assertStatus(200)
                .header("Content-Disposition")));
    }

    @BothTransports
    void aRawNonLatin1ValueFailsWhereItIsSetNamingWhatToUse(AuroraTestClient client) {
        String message = client.get("/raw").send().assertStatus(422).bodyString();
        assertEquals("Invalid character U+8868 '表' at index 22 in the value of response header Content-Disposition: "
                + "a header value is Latin-1 on the wire; use ContentDisposition.attachment(...) for file names, "
                + "or percent-encode the value (URLEncoder, RFC 8187 for parameters)", message);
        client.get("/raw-unhandled").send().assertStatus(500);
    }

    @Test
    @AuroraTest(server = true)
    void theJdkHttpClientReadsTheHeaderAndDecodesTheName(Aurora app) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/cover")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
            assertTrue(disposition.startsWith("attachment; filename=\"_.png\""), disposition);
            assertEquals("表紙.png", extendedName(disposition));
            assertArrayEquals(PNG, response.body());
        }
    }

    /** The RFC 8187 name, decoded as a client does. */
    private static String extendedName(String disposition) {
        Matcher m = EXTENDED.matcher(disposition);
        assertTrue(m.find(), disposition);
        return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
