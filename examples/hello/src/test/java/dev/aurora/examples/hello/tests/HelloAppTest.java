package dev.aurora.examples.hello.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.examples.hello.HelloApp;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hello example, in-process through the test client, and once over a real socket. */
@AuroraTest
class HelloAppTest {

    @TestApp
    static Aurora app() {
        return HelloApp.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxBodySize(1024 * 1024));
    }

    @Test
    void rootSaysHello(AuroraTestClient client) {
        client.get("/").send()
                .assertStatus(200)
                .assertHeader("Content-Type", "text/plain; charset=utf-8")
                .assertBody("Hello, World!");
    }

    @Test
    void plaintextHasExactlyTheBenchmarkContentType(AuroraTestClient client) {
        client.get("/plaintext").send()
                .assertStatus(200)
                .assertHeader("Content-Type", "text/plain")
                .assertHeader("Content-Length", "13")
                .assertBody("Hello, World!");
    }

    @Test
    void jsonIsSerializedMessage(AuroraTestClient client) {
        HelloApp.Message message = client.get("/json").send()
                .assertStatus(200)
                .assertHeader("Content-Type", "application/json")
                .assertJson("{\"message\":\"Hello, World!\"}")
                .json(HelloApp.Message.class);
        assertEquals(new HelloApp.Message("Hello, World!"), message);
    }

    @Test
    void echoReturnsTheBodyByteForByte(AuroraTestClient client) {
        byte[] body = new byte[100_000];
        new Random(42).nextBytes(body);

        byte[] echoed = client.post("/echo").body(body, "application/octet-stream").send()
                .assertStatus(200)
                .assertHeader("Content-Type", "application/octet-stream")
                .body();

        assertArrayEquals(body, echoed);
    }

    @Test
    void userIdComesFromThePath(AuroraTestClient client) {
        client.get("/users/42").send().assertStatus(200).assertBody("42");
    }

    @Test
    void echoAboveOneMebibyteIsRefused(AuroraTestClient client) {
        client.post("/echo").body(new byte[1024 * 1024 + 1], "application/octet-stream").send()
                .assertStatus(413);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405(AuroraTestClient client) {
        client.get("/nope").send().assertStatus(404);
        client.delete("/json").send().assertStatus(405).assertHeader("Allow", "GET, HEAD, OPTIONS");
    }

    /** The same application on a real port, as a browser or load balancer would see it. */
    @Nested
    @AuroraTest(server = true)
    class OverTheNetwork {

        @Test
        void jdkHttpClientGetsTheSameAnswers(Aurora app) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/json")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals("{\"message\":\"Hello, World!\"}", response.body());
        }

        @Test
        void testClientOverTheSocketAgreesWithInProcess(AuroraTestClient overSocket) {
            AuroraTestClient inProcess = AuroraTestClient.of(app());
            for (String path : new String[] {"/", "/plaintext", "/json", "/users/7", "/nope"}) {
                var viaSocket = overSocket.get(path).send();
                var viaMemory = inProcess.get(path).send();
                assertEquals(viaMemory.status(), viaSocket.status(), path);
                assertEquals(viaMemory.header("Content-Type"), viaSocket.header("Content-Type"), path);
                assertEquals(viaMemory.bodyString(), viaSocket.bodyString(), path);
            }
        }
    }
}
