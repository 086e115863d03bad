package dev.aurora.internal.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In-process requests go through the same loop as socket ones: the same bytes come back. */
class InProcessTest {
    private final Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxHeaderSize(512));

    @AfterEach
    void stop() {
        app.stop();
    }

    private void routes() {
        app.get("/hello/:name", ctx -> ctx.send("Hello, " + ctx.param("name")));
        app.get("/json", ctx -> ctx.json(Map.of("ok", true)));
        app.post("/echo", ctx -> ctx.contentType("application/octet-stream").send(ctx.body()));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal");
        });
    }

    private static final List<String> REQUESTS = List.of(
            "GET /hello/world HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
            "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n",
            "DELETE /json HTTP/1.1\r\nHost: x\r\n\r\n",
            "HEAD /hello/head HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/b HTTP/1.1\r\nHost: x\r\n\r\nGET /json HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /hello/x HTTP/1.1\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(600) + "\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "GET /boom HTTP/1.1\r\nHost: x\r\nX-Request-Id: fixed-id\r\n\r\n",
            "GET /../etc HTTP/1.1\r\nHost: x\r\n\r\n");

    @Test
    void inProcessAndSocketGiveTheSameBytesApartFromDate() throws Exception {
        routes();
        String[] inProcess = new String[REQUESTS.size()];
        for (int i = 0; i < REQUESTS.size(); i++) {
            inProcess[i] = text(InProcess.exchange(app, bytes(REQUESTS.get(i))));
        }
        app.start(0);
        for (int i = 0; i < REQUESTS.size(); i++) {
            String overSocket = text(overSocket(app.port(), bytes(REQUESTS.get(i))));
            assertEquals(withoutDate(overSocket), withoutDate(inProcess[i]), "request " + i + ": " + REQUESTS.get(i));
            assertTrue(inProcess[i].startsWith("HTTP/1.1 "), inProcess[i]);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderInProcess() throws Exception {
        routes();
        String answer = text(InProcess.exchange(app, bytes(REQUESTS.get(7))));
        int a = answer.indexOf("Hello, a");
        int b = answer.indexOf("Hello, b");
        int json = answer.indexOf("{\"ok\":true}");
        assertTrue(a > 0 && b > a && json > b, answer);
    }

    @Test
    void registrationIsClosedOnceTheApplicationRanInProcess() throws Exception {
        routes();
        InProcess.exchange(app, bytes(REQUESTS.get(0)));
        assertThrows(IllegalStateException.class, () -> app.get("/late", ctx -> ctx.send("late")));
    }

    private static byte[] overSocket(int port, byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String withoutDate(String response) {
        return response.replaceAll("Date: [^\r]*\r\n", "Date: -\r\n").replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"-\"");
    }
}
