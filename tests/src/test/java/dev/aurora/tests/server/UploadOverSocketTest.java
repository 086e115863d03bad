package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.FormConfig;
import dev.aurora.form.FormFile;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.Eventually;
import dev.aurora.test.Multipart;
import dev.aurora.test.RawConnection;
import dev.aurora.test.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Uploads over a real socket: the JDK {@code HttpClient} sends a multipart form, and a client
 * that goes away in the middle of a file leaves no temporary file behind.
 */
@AuroraTest(server = true)
class UploadOverSocketTest {
    static final Path SPOOL = spoolDirectory();

    private static Path spoolDirectory() {
        try {
            return Files.createTempDirectory("aurora-upload-socket");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .forms(FormConfig.defaults().withMemoryThreshold(4096).withTempDirectory(SPOOL))
                .post("/upload", ctx -> {
                    FormFile file = ctx.form().file("file");
                    ctx.send(ctx.form().value("title") + ":" + file.filename() + ":" + file.size());
                });
    }

    static long spooled() {
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theJdkHttpClientUploadsAForm(Aurora app) throws Exception {
        Multipart form = Multipart.create().field("title", "Dune").file("file", "dune.epub", "application/epub+zip", new byte[300_000]);
        HttpResponse<String> r;
        try (HttpClient http = HttpClient.newHttpClient()) {
            r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/upload"))
                    .header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.toBytes())).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("Dune:dune.epub:300000", r.body());
        assertEquals(0, spooled());
    }

    @Test
    void aClientThatGoesAwayMidFileLeavesNoTemporaryFile(Aurora app) {
        String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n";
        try (RawConnection c = RawConnection.open(app.port())) {
            c.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: 10000000\r\n\r\n");
            c.send(head.getBytes(StandardCharsets.US_ASCII));
            c.send(new byte[200_000]);
            Eventually.until(UploadOverSocketTest::spooled, n -> n == 1);
        }
        Eventually.until(UploadOverSocketTest::spooled, n -> n == 0);
    }
}
