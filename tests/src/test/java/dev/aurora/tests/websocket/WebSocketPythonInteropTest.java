package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.Aurora;
import dev.aurora.websocket.WebSocketOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with a real, independent client: Python's {@code websockets} (Debian's
 * {@code python3-websockets}, which {@code .ci/run} installs). Skipped, saying so, where no Python
 * has it.
 */
class WebSocketPythonInteropTest {
    private static Aurora app;
    private static String python;
    private static Path script;

    @BeforeAll
    static void start() throws Exception {
        python = findPython();
        assumeTrue(python != null, "Python with the websockets module not found (apt-get install python3-websockets)");
        script = Files.createTempFile("aurora-ws-", ".py");
        try (InputStream in = WebSocketPythonInteropTest.class.getResourceAsStream("/websocket/python_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        app = Aurora.create()
                .ws("/echo", WebSocketOptions.defaults().withPerMessageDeflate(true).withMaxMessageSize(8 << 20)
                        .withMaxFrameSize(8 << 20), WebSocketEchoTest.ECHO)
                .ws("/closes", ws -> {
                    ws.close(4000, "bye");
                    ws.awaitClose();
                });
        app.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (script != null) {
            Files.deleteIfExists(script);
        }
    }

    /** The first of Debian's Python and the one on PATH that can import websockets, or null. */
    private static String findPython() throws InterruptedException {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import websockets").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException notThere) {
                // try the next
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo", "fragmented", "large", "deflate", "close", "ping"})
    void pythonWebsocketsClient(String scenario) throws Exception {
        Process p = new ProcessBuilder(python, script.toString(), "ws://127.0.0.1:" + app.port(), scenario)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
        assertEquals(0, p.exitValue(), output);
        assertEquals("OK", output.strip());
    }
}
