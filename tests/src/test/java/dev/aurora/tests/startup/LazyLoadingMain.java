package dev.aurora.tests.startup;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs with {@code -Xlog:class+load} to standard output: a text request, a marker line, then a
 * JSON request, so the test can tell what the text route alone loaded. No string concatenation
 * here, so a {@code StringConcatFactory} in the log before the marker is Aurora's.
 */
public final class LazyLoadingMain {
    /** Printed between the text and the JSON request. */
    static final String MARKER = "== json from here ==";

    private LazyLoadingMain() {
    }

    public static void main(String[] args) throws IOException {
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"))
                .get("/hello", ctx -> ctx.send("Hello"))
                .get("/json", ctx -> ctx.json(Map.of("greeting", "Hello")));
        app.start(0);
        String text = get(app.port(), "/hello");
        System.out.println(String.join("", "text: ", text));
        System.out.println(MARKER);
        String json = get(app.port(), "/json");
        System.out.println(String.join("", "json: ", json));
        app.stop();
    }

    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(String.join("", "GET ", path, " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }
}
