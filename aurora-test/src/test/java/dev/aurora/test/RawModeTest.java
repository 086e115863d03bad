package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Raw mode: bytes as given, answered bytes as written, parsed into responses. */
class RawModeTest {
    private final Aurora app = TestApps.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void pipelinedRequestsGetResponsesInOrder() {
        RawResult result = client.raw("GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /hello/b HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        List<TestResponse> responses = result.responses();
        assertEquals(3, responses.size(), result.text());
        responses.get(0).assertStatus(200).assertBody("Hello, a");
        responses.get(1).assertStatus(200).assertBody("Hello, b");
        responses.get(2).assertStatus(200).assertJson("{\"n\":3,\"ok\":true}");
    }

    @Test
    void pipelinedHeadAmongOthersIsParsedWithoutBody() {
        RawResult result = client.raw("HEAD /hello/a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /hello/b HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD /hello/c HTTP/1.1\r\nHost: x\r\n\r\n");
        List<TestResponse> responses = result.responses();
        assertEquals(3, responses.size(), result.text());
        responses.get(0).assertStatus(200).assertBody("");
        responses.get(1).assertStatus(200).assertBody("Hello, b");
        responses.get(2).assertStatus(200).assertBody("").assertHeader("Content-Length", "8");
    }

    @Test
    void bareLineFeedIsA400ThatClosesTheConnection() {
        RawResult result = client.raw("GET /hello/x HTTP/1.1\nHost: x\r\n\r\nGET /hello/y HTTP/1.1\r\nHost: x\r\n\r\n");
        List<TestResponse> responses = result.responses();
        assertEquals(1, responses.size(), "nothing after the 400: " + result.text());
        responses.get(0).assertStatus(400).assertHeader("Connection", "close");
    }

    @Test
    void bytesAndTextAreWhatTheServerWrote() {
        RawResult result = client.raw("GET /hello/%C3%A9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(result.text().startsWith("HTTP/1.1 200"), result.text());
        assertArrayEquals(result.text().getBytes(StandardCharsets.ISO_8859_1), result.bytes());
        assertTrue(result.text().endsWith("\r\n\r\nHello, " + new String("é".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)), result.text());
        assertEquals("Hello, é", result.responses().get(0).bodyString());
    }

    @Test
    void emptyInputGivesNoResponse() {
        RawResult result = client.raw(new byte[0]);
        assertEquals(0, result.bytes().length);
        assertEquals(List.of(), result.responses());
    }
}
