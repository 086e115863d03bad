package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.Aurora;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with Node's {@code ws} client, installed with npm into a temporary directory. Skipped,
 * saying so, when node or npm is missing or the install fails (no network).
 */
class WebSocketNodeInteropTest {
    @TempDir
    Path dir;

    @Test
    void nodeWsClient() throws Exception {
        assumeTrue(run(dir, 20, "node", "--version") != null, "node not found");
        assumeTrue(run(dir, 180, "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", dir.toString(),
                "ws@8") != null, "npm install ws failed (npm or the network missing)");
        Path script = dir.resolve("node_client.js");
        try (InputStream in = getClass().getResourceAsStream("/websocket/node_client.js")) {
            Files.write(script, in.readAllBytes());
        }
        Aurora app = Aurora.create()
                .ws("/echo", WebSocketOptions.defaults().withPerMessageDeflate(true).withMaxMessageSize(8 << 20)
                        .withMaxFrameSize(8 << 20), WebSocketEchoTest.ECHO)
                .ws("/closes", ws -> {
                    ws.close(4000, "bye");
                    ws.awaitClose();
                });
        try (app) {
            app.start(0);
            Process p = new ProcessBuilder("node", script.toString(), "ws://127.0.0.1:" + app.port())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
            assertEquals(0, p.exitValue(), output);
            assertEquals("OK", output.strip());
        }
    }

    /** Runs a command; its output, or null if it could not run or failed. */
    private static String run(Path dir, int seconds, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
