package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.config.Configuration;
import dev.aurora.examples.production.DbConfig;
import dev.aurora.examples.production.ProductionApp;
import dev.aurora.examples.production.Settings;
import dev.aurora.test.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from the configuration file alone: a {@code [server.tls]} section naming a certificate made
 * for this test (no private key is checked in), served by the real socket server.
 */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void aTlsSectionServesHttps() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path file = Files.writeString(dir.resolve("aurora.toml"), """
                [server]
                host = "127.0.0.1"
                port = 0

                [server.tls]
                certificate_chain = "%s"
                private_key = "%s"

                [db]
                url = "jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1"
                """.formatted(cert.certificatePem(), cert.privateKeyPem(), UUID.randomUUID()));
        Settings settings = Settings.load(Configuration.builder().file(file).environment(Map.of()).systemProperties(Map.of()));
        try (ProductionApp service = ProductionApp.create(settings.server(), settings.db());
                HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContext()).build()) {
            service.app().get("/scheme", ctx -> ctx.send(ctx.scheme()));
            service.app().start();
            URI base = URI.create("https://localhost:" + service.app().port());
            HttpResponse<String> scheme = client.send(HttpRequest.newBuilder(base.resolve("/scheme")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scheme.statusCode());
            assertEquals("https", scheme.body());
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        }
    }
}
