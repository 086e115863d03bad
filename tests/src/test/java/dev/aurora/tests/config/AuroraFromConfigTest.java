package dev.aurora.tests.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.TrailingSlash;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import dev.aurora.test.AuroraTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuroraFromConfigTest {
    record Point(int x) {
    }

    @TempDir
    Path dir;

    @Test
    void startsAServerFromATomlFile() throws Exception {
        Path file = dir.resolve("aurora.toml");
        Files.writeString(file, """
                [server]
                host = "127.0.0.1"
                port = 0
                trailing_slash = "redirect"
                header_timeout = "2s"

                [json]
                fail_on_unknown_properties = false
                """);
        try (Aurora app = Aurora.fromConfig(file)) {
            app.get("/hello", ctx -> ctx.send("from " + ctx.path()));
            app.post("/point", ctx -> ctx.send("x=" + ctx.bodyAs(Point.class).x()));
            app.start();
            assertEquals(TrailingSlash.REDIRECT, app.config().trailingSlash());
            assertEquals(Duration.ofSeconds(2), app.config().headerTimeout());
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> moved = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/hello/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(308, moved.statusCode(), "the trailing-slash policy came from the file");
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals("from /hello", ok.body());
            HttpResponse<String> lenient = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/point"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"x\": 3, \"extra\": true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("x=3", lenient.body(), "the [json] table allowed the unknown property");
        }
    }

    @Test
    void aConfigurationCarriesOverridesIntoTheApplication() throws IOException {
        Path file = dir.resolve("aurora.json");
        Files.writeString(file, "{\"server\": {\"port\": 1234, \"maxConnections\": 10}}");
        Configuration config = Configuration.builder().file(file)
                .environment(Map.of("AURORA_SERVER_MAX_CONNECTIONS", "20"))
                .systemProperties(Map.of())
                .build();
        try (Aurora app = Aurora.fromConfig(config)) {
            assertEquals(1234, app.config().port());
            assertEquals(20, app.config().maxConnections());
        }
    }

    @Test
    void theFormsSectionSetsTheApplicationsFormLimits() throws IOException {
        Path file = dir.resolve("forms.toml");
        Files.writeString(file, "[forms]\nmax_parts = 2\n");
        try (Aurora app = Aurora.fromConfig(Configuration.builder().file(file)
                .environment(Map.of("AURORA_FORMS_MAX_FIELD_SIZE", "4")).systemProperties(Map.of()).build())) {
            app.post("/form", ctx -> ctx.send(ctx.form().value("a")));
            AuroraTestClient client = AuroraTestClient.of(app);
            client.post("/form").form(Map.of("a", "1", "b", "2")).send().assertStatus(200).assertBody("1");
            client.post("/form").form(Map.of("a", "1", "b", "2", "c", "3")).send().assertStatus(413);
            client.post("/form").form(Map.of("a", "12345")).send().assertStatus(413);
        }
    }

    @Test
    void anInvalidFileFailsBeforeAnythingStarts() throws IOException {
        Path file = dir.resolve("bad.toml");
        Files.writeString(file, "[server]\nport = -1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Aurora.fromConfig(file));
        assertTrue(e.getMessage().contains("bad.toml:2: server.port: must be between 0 and 65535: -1"), e.getMessage());
    }
}
