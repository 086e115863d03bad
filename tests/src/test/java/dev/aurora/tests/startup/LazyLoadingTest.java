package dev.aurora.tests.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an application that never uses JSON loads (issue 19): a text route is served without loading
 * Jackson, the management beans or the JDK's string-concatenation bootstrap; the first JSON route
 * loads Jackson then. Checked in a JVM of its own from its class-load log.
 */
class LazyLoadingTest {
    @Test
    void aTextRouteLoadsNoJsonLibraryUntilAJsonRouteRuns() throws Exception {
        // Logback (compiled with invokedynamic concatenation) would load StringConcatFactory itself.
        String withoutLogback = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("logback"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout",
                "-cp", withoutLogback, LazyLoadingMain.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        int marker = out.indexOf(LazyLoadingMain.MARKER);
        assertTrue(marker > 0, out);
        String textPart = out.substring(0, marker);
        String jsonPart = out.substring(marker);
        assertTrue(textPart.contains("text: Hello"), out);
        assertTrue(textPart.contains(" dev.aurora.internal.server.Dispatcher "), "the log is the class-load log");
        for (String notYet : List.of(" com.fasterxml.jackson.", " java.lang.management.",
                " java.lang.invoke.StringConcatFactory ", " java.util.stream.LongPipeline ")) {
            assertTrue(!textPart.contains(notYet), notYet + " loaded by the text route:\n" + lines(textPart, notYet));
        }
        assertTrue(jsonPart.contains("json: {\"greeting\":\"Hello\"}"), out);
        assertTrue(jsonPart.contains(" com.fasterxml.jackson.databind.ObjectMapper "), "JSON loads Jackson on first use");
    }

    private static String lines(String log, String what) {
        return log.lines().filter(line -> line.contains(what)).limit(5).reduce("", (a, b) -> a + b + "\n");
    }
}
