package dev.aurora.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tool as a user runs it: a process that prints its URL, serves, and exits by itself with 0. */
class ReportToolProcessTest {
    @Test
    void aSelfTestRunServesOnceAndExitsCleanly() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReportTool.class.getName(), "--self-test", "src"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the tool did not exit: " + out);
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).matches("Report at http://127\\.0\\.0\\.1:\\d+/"), out);
        assertEquals("HTTP/1.1 200 OK", lines.get(1), out);
        assertEquals("Done.", lines.get(lines.size() - 1), out);
    }

    @Test
    void aMissingDirectoryIsExitCode2() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReportTool.class.getName(), "no/such/dir"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("Not a directory: ") && out.contains(Path.of("no/such/dir").toAbsolutePath().toString()), out);
    }
}
