package dev.aurora.tests.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.SelfSignedCertificate;
import dev.aurora.test.TestConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AuroraTestClient.http(app) speaks TLS to an application that serves HTTPS on its port. */
class TestClientOverTlsTest {
    @TempDir
    Path dir;

    @Test
    void requestsKeepAliveAndRawBytesGoOverTls() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withTls(cert.tls()))
                .get("/hello", ctx -> ctx.send("hello over " + ctx.scheme() + " " + ctx.tls().protocol()));
        try (AuroraTestClient client = AuroraTestClient.http(app)) {
            client.get("/hello").send().assertStatus(200).assertBody("hello over https TLSv1.3");
            try (TestConnection connection = client.connect()) {
                connection.get("/hello").send().assertStatus(200);
                connection.get("/hello").send().assertStatus(200);
                assertTrue(connection.isOpen());
            }
            String raw = client.raw("GET /hello HTTP/1.1\r\nHost: x\r\nX-Bad : y\r\n\r\n").text();
            assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        }
    }
}
