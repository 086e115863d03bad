package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.FormConfig;
import dev.aurora.form.Form;
import dev.aurora.form.FormFile;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.Multipart;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ctx.form()} and {@code ctx.formStream()} through the test client, in-process and over a
 * socket: urlencoded and multipart forms, the limits and their 413s in the problem format, 415 for
 * other bodies, and temporary files that never outlive the request.
 */
@AuroraTest
class FormsTest {
    static final Path SPOOL = tempDirectory("aurora-forms-spool");
    static final Path SAVED = tempDirectory("aurora-forms-saved");

    private static Path tempDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .forms(FormConfig.defaults().withMemoryThreshold(1024).withMaxFileSize(256 * 1024).withTempDirectory(SPOOL))
                .post("/profile", ctx -> {
                    Form form = ctx.form();
                    StringBuilder out = new StringBuilder("name=" + form.value("name") + "|tags=" + form.values("tag"));
                    for (FormFile f : form.files()) {
                        out.append('|').append(f.name()).append(':').append(f.filename()).append(':')
                                .append(f.contentType()).append(':').append(f.size());
                    }
                    ctx.send(out.toString());
                })
                .post("/spooled-then-fails", ctx -> {
                    Form form = ctx.form();
                    if (spooled() == 0) {
                        throw new AssertionError("the upload should wait in a temporary file here");
                    }
                    throw new IllegalStateException("handler failed after reading " + form.files().size() + " files");
                })
                .post("/stream", ctx -> {
                    FormStream parts = ctx.formStream();
                    List<String> seen = new ArrayList<>();
                    for (FormPart part = parts.next(); part != null; part = parts.next()) {
                        seen.add(part.isFile()
                                ? part.name() + "->" + part.saveTo(SAVED.resolve(part.filename()))
                                : part.name() + "=" + part.value());
                    }
                    ctx.send(String.join(",", seen));
                });
    }

    static long spooled() {
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @BothTransports
    void anUrlencodedFormIsRead(AuroraTestClient client) {
        client.post("/profile").form(Map.of("name", "Ada Lovelace & co")).send()
                .assertStatus(200).assertBody("name=Ada Lovelace & co|tags=[]");
        client.post("/profile").body("name=caf%C3%A9&tag=a&tag=b+c", "application/x-www-form-urlencoded; charset=UTF-8").send()
                .assertBody("name=café|tags=[a, b c]");
    }

    @BothTransports
    void aMultipartFormIsReadWithItsFiles(AuroraTestClient client) {
        TestResponse r = client.post("/profile").multipart(Multipart.create()
                        .field("name", "Ada")
                        .field("tag", "math")
                        .field("tag", "engines")
                        .file("avatar", "../me.png", "image/png", bytes(10))
                        .file("doc", "notes.txt", null, bytes(200_000)))
                .send().assertStatus(200);
        assertEquals("name=Ada|tags=[math, engines]|avatar:me.png:image/png:10|doc:notes.txt:application/octet-stream:200000",
                r.bodyString());
        assertEquals(0, spooled(), "the 200 kB file went to disk and is gone once the request ended");
    }

    @BothTransports
    void temporaryFilesAreDeletedWhenTheHandlerThrows(AuroraTestClient client) {
        client.post("/spooled-then-fails").multipart(Multipart.create().file("f", "a.bin", "application/octet-stream", bytes(50_000)))
                .send().assertStatus(500);
        assertEquals(0, spooled());
    }

    @BothTransports
    void aStreamedFormGoesStraightToItsFiles(AuroraTestClient client) throws IOException {
        byte[] big = bytes(200_000);
        client.post("/stream").multipart(Multipart.create()
                        .field("title", "Dune")
                        .file("cover", "cover.jpg", "image/jpeg", big))
                .send().assertStatus(200).assertBody("title=Dune,cover->200000");
        assertTrue(java.util.Arrays.equals(big, Files.readAllBytes(SAVED.resolve("cover.jpg"))));
        assertEquals(0, spooled(), "a streamed form spools nothing");
    }

    @BothTransports
    void aFileOverItsLimitIs413InTheProblemFormat(AuroraTestClient client) {
        TestResponse r = client.post("/profile").multipart(Multipart.create().file("doc", "big.bin", null, bytes(256 * 1024 + 1)))
                .send().assertStatus(413).assertHeader("Content-Type", "application/problem+json");
        assertEquals("File 'doc' larger than 262144 bytes", r.problem().detail(), r::describe);
        assertEquals(0, spooled(), "the part written before the limit was deleted");
        client.post("/stream").multipart(Multipart.create().file("doc", "big.bin", null, bytes(256 * 1024 + 1)))
                .send().assertStatus(413);
        assertTrue(Files.notExists(SAVED.resolve("big.bin")), "a partial saveTo is deleted");
    }

    @BothTransports
    void aBodyThatIsNotAFormIs415SayingWhatIsAccepted(AuroraTestClient client) {
        TestResponse r = client.post("/profile").body("{\"name\":\"Ada\"}", "application/json").send()
                .assertStatus(415).assertHeader("Content-Type", "application/problem+json")
                .assertHeader("Accept-Post", "application/x-www-form-urlencoded, multipart/form-data");
        assertEquals("Expected a form body (application/x-www-form-urlencoded, multipart/form-data), got application/json",
                r.problem().detail());
    }

    @BothTransports
    void malformedMultipartIs400AndTheConnectionStaysUsable(AuroraTestClient client) {
        TestResponse r = client.post("/profile").body("--b\r\nContent-Disposition: form-data; name=a\r\n\r\nno end",
                "multipart/form-data; boundary=b").send().assertStatus(400);
        assertEquals("Multipart body ends before its closing boundary", r.problem().detail());
        client.post("/profile").body("x", "multipart/form-data").send().assertStatus(400);
        client.post("/profile").form(Map.of("name", "after")).send().assertBody("name=after|tags=[]");
    }

    @BothTransports
    void rfc7578Quirks(AuroraTestClient client) {
        byte[] body = ("preamble\r\n--q b\r\n"
                + "Content-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n"
                + "--q b\r\n"
                + "Content-Disposition: form-data; name=\"avatar\"; filename=\"x.png\"; filename*=UTF-8''%E8%A1%A8%E7%B4%99.png\r\n\r\n"
                + "PNG\r\n--q b--\r\nepilogue").getBytes(StandardCharsets.UTF_8);
        client.post("/profile").body(body, "multipart/form-data; boundary=\"q b\"").send()
                .assertStatus(200).assertBody("name=Ada|tags=[]|avatar:表紙.png:application/octet-stream:3");
    }
}
