package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.Aurora;
import dev.aurora.websocket.Message;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with a browser: headless Chromium loads a page from Aurora whose script opens a
 * WebSocket to the same origin (the default origin policy admits it), with a subprotocol and
 * permessage-deflate offered, echoes a text, a binary and a large text message, closes with
 * {@code 1000}, and posts what it saw back. Skipped, saying so, when no Chromium is installed
 * ({@code apt-get install -y chromium}).
 */
class WebSocketChromiumInteropTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    @TempDir
    Path profile;

    @Test
    void headlessChromium() throws Exception {
        String browser = findBrowser();
        assumeTrue(browser != null, "Chromium not found (apt-get install -y chromium)");
        String page;
        try (InputStream in = getClass().getResourceAsStream("/websocket/chromium_page.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<Message.Close> serverSaw = new CompletableFuture<>();
        List<String> kinds = new CopyOnWriteArrayList<>();
        Aurora app = Aurora.create()
                .get("/page", ctx -> ctx.header("Content-Type", "text/html; charset=utf-8").send(page))
                .post("/result", ctx -> {
                    result.complete(new String(ctx.body(), StandardCharsets.UTF_8));
                    ctx.send("");
                })
                .ws("/echo", WebSocketOptions.defaults().withSubprotocols("chat.v1").withPerMessageDeflate(true), ws -> {
                    Message m;
                    while ((m = ws.receive()) instanceof Message.Data) {
                        switch (m) {
                            case Message.Text t -> {
                                kinds.add("text");
                                ws.send(t.text());
                            }
                            case Message.Binary b -> {
                                kinds.add("binary");
                                ws.send(b.data());
                            }
                            default -> throw new AssertionError(m);
                        }
                    }
                    serverSaw.complete((Message.Close) m);
                });
        try (app) {
            app.start(0);
            Process chromium = new ProcessBuilder(browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-extensions", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "http://127.0.0.1:" + app.port() + "/page")
                    .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
            try {
                String r = result.get(15, TimeUnit.SECONDS);
                assertTrue(r.contains("\"ok\":true"), r);
                assertTrue(r.contains("\"received\":3"), r);
                assertTrue(r.contains("\"protocol\":\"chat.v1\""), r);
                assertTrue(r.contains("permessage-deflate"), r);
                // The server echoes the browser's code (without a reason) and closes the TCP connection.
                assertTrue(r.contains("\"code\":1000") && r.contains("\"wasClean\":true"), r);
                Message.Close close = serverSaw.get(5, TimeUnit.SECONDS);
                assertEquals(1000, close.code());
                assertEquals("done", close.reason());
                assertTrue(close.byPeer());
                assertEquals(List.of("text", "binary", "text"), kinds);
            } finally {
                stop(chromium);
            }
        }
    }

    /**
     * Ends the browser and every process it started (renderer, GPU, zygote), and waits for them:
     * one still running writes into the profile while the temporary directory is deleted.
     */
    private static void stop(Process browser) throws Exception {
        List<ProcessHandle> family = new java.util.ArrayList<>(browser.descendants().toList());
        family.add(browser.toHandle());
        family.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : family) {
            h.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** The first browser on the PATH that answers {@code --version}, or null. */
    private static String findBrowser() throws InterruptedException {
        for (String name : BROWSERS) {
            try {
                Process p = new ProcessBuilder(name, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return name;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed under this name
            }
        }
        return null;
    }
}
