package dev.aurora.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.AuroraTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and the ways the tool finishes, through the test client. */
class ReportServerTest {
    @TempDir
    Path dir;

    private DirectoryReport sample() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "hello");
        Files.writeString(dir.resolve("b.TXT"), "hi");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/c.bin"), new byte[100]);
        Files.writeString(dir.resolve("README"), "<script>");
        Files.writeString(dir.resolve("<b>.html"), "x");
        return DirectoryReport.of(dir);
    }

    @Test
    void theReportCountsFilesAndBytesPerExtensionLargestFirst() throws Exception {
        DirectoryReport r = sample();
        assertEquals(5, r.files());
        assertEquals(5 + 2 + 100 + 8 + 1, r.bytes());
        assertEquals("bin", r.byExtension().get(0).extension());
        assertEquals(new DirectoryReport.Extension("txt", 2, 7), r.byExtension().stream()
                .filter(e -> e.extension().equals("txt")).findFirst().orElseThrow());
        assertFalse(r.truncated());
    }

    @Test
    void thePageEscapesNamesAndTheJsonCarriesTheNumbers() throws Exception {
        ReportServer server = new ReportServer(sample(), 0);
        try (AuroraTestClient client = AuroraTestClient.of(server.app())) {
            String page = client.get("/").send().assertStatus(200)
                    .assertHeader("Content-Type", "text/html; charset=utf-8").bodyString();
            assertTrue(page.contains("5 files, 116 bytes"), page);
            assertFalse(page.contains("<b>"), "a file name cannot inject markup: " + page);
            Map<?, ?> json = client.get("/report.json").send().assertStatus(200).json(Map.class);
            assertEquals(5, json.get("files"));
        }
    }

    @Test
    void theToolIsDoneAfterItsRequestCountOrOnDone() throws Exception {
        ReportServer counted = new ReportServer(sample(), 2);
        try (AuroraTestClient client = AuroraTestClient.http(counted.app())) {
            client.get("/").send().assertStatus(200);
            client.get("/report.json").send().assertStatus(200);
            assertTrue(counted.awaitDoneAndStop(Duration.ofSeconds(10)));
        }
        ReportServer button = new ReportServer(sample(), 0);
        try (AuroraTestClient client = AuroraTestClient.http(button.app())) {
            client.post("/done").send().assertStatus(200).assertBody("Bye");
            assertTrue(button.awaitDoneAndStop(Duration.ofSeconds(10)));
        }
        ReportServer idle = new ReportServer(sample(), 0);
        idle.start();
        assertFalse(idle.awaitDoneAndStop(Duration.ofMillis(50)), "a deadline ends it too");
    }
}
