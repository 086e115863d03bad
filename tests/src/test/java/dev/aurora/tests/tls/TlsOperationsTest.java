package dev.aurora.tests.tls;

import static dev.aurora.tests.tls.TlsClients.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.Tls;
import dev.aurora.config.Configuration;
import dev.aurora.middleware.HttpsRedirect;
import dev.aurora.test.SelfSignedCertificate;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS, certificate reloads, HTTP beside HTTPS with a redirect, and TLS from the configuration file. */
class TlsOperationsTest {
    @TempDir
    Path dir;

    private static Aurora tlsApp(Tls tls) {
        return Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withTls(tls))
                .get("/who", ctx -> ctx.send(String.valueOf(ctx.tls().peerPrincipal())));
    }

    @Test
    void requiredClientCertificatesAreCheckedAndReachTheHandler() throws Exception {
        SelfSignedCertificate server = SelfSignedCertificate.create(dir, "server.test", "EC");
        SelfSignedCertificate client = SelfSignedCertificate.create(dir, "client.test", "RSA");
        SelfSignedCertificate stranger = SelfSignedCertificate.create(dir, "stranger.test", "EC");
        Aurora app = tlsApp(server.tls().withClientAuth(Tls.ClientAuth.REQUIRED, client.certificatePem())).start(0);
        try {
            HttpClient trusted = TlsClients.http(TlsClients.context(client, server));
            assertEquals("CN=client.test", get(trusted, app.port(), "/who").body());
            HttpClient anonymous = TlsClients.http(TlsClients.context(null, server));
            assertThrows(IOException.class, () -> get(anonymous, app.port(), "/who"));
            HttpClient unknown = TlsClients.http(TlsClients.context(stranger, server));
            assertThrows(IOException.class, () -> get(unknown, app.port(), "/who"));
        } finally {
            app.stop();
        }
    }

    @Test
    void requestedClientCertificatesAreOptional() throws Exception {
        SelfSignedCertificate server = SelfSignedCertificate.create(dir, "server.test", "EC");
        SelfSignedCertificate client = SelfSignedCertificate.create(dir, "client.test", "EC");
        Aurora app = tlsApp(server.tls().withClientAuth(Tls.ClientAuth.REQUESTED, client.certificatePem())).start(0);
        try {
            assertEquals("null", get(TlsClients.http(TlsClients.context(null, server)), app.port(), "/who").body());
            assertEquals("CN=client.test", get(TlsClients.http(TlsClients.context(client, server)), app.port(), "/who").body());
        } finally {
            app.stop();
        }
    }

    @Test
    void reloadTlsServesTheNewCertificateToNewConnectionsWhileOpenOnesFinish() throws Exception {
        SelfSignedCertificate one = SelfSignedCertificate.create(dir, "one.test", "EC");
        SelfSignedCertificate two = SelfSignedCertificate.create(dir, "two.test", "EC");
        Path cert = dir.resolve("live-cert.pem");
        Path key = dir.resolve("live-key.pem");
        install(one, cert, key);
        Aurora app = tlsApp(Tls.pem(cert, key).withReloadInterval(Duration.ZERO)).start(0);
        try {
            SSLContext trustsBoth = TlsClients.context(null, one, two);
            assertEquals("CN=one.test", TlsClients.serverCommonName(trustsBoth, app.port()));
            try (SSLSocket open = TlsClients.socket(trustsBoth, app.port())) {
                install(two, cert, key);
                assertEquals("CN=one.test", TlsClients.serverCommonName(trustsBoth, app.port()), "no reload without a call");
                assertTrue(app.reloadTls());
                assertEquals("CN=two.test", TlsClients.serverCommonName(trustsBoth, app.port()));
                String response = TlsClients.exchange(open, "GET /who HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertTrue(response.startsWith("HTTP/1.1 200"), "the open connection still serves: " + response);
            }
            Files.writeString(key, "not a key");
            assertFalse(app.reloadTls(), "a broken key is refused");
            assertEquals("CN=two.test", TlsClients.serverCommonName(trustsBoth, app.port()), "the previous certificate stays");
        } finally {
            app.stop();
        }
    }

    @Test
    void changedFilesAreReloadedByThemselves() throws Exception {
        SelfSignedCertificate one = SelfSignedCertificate.create(dir, "one.test", "EC");
        SelfSignedCertificate two = SelfSignedCertificate.create(dir, "two.test", "RSA");
        Path cert = dir.resolve("auto-cert.pem");
        Path key = dir.resolve("auto-key.pem");
        install(one, cert, key);
        Aurora app = tlsApp(Tls.pem(cert, key).withReloadInterval(Duration.ofMillis(100))).start(0);
        try {
            SSLContext trustsBoth = TlsClients.context(null, one, two);
            assertEquals("CN=one.test", TlsClients.serverCommonName(trustsBoth, app.port()));
            install(two, cert, key);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> TlsClients.serverCommonName(trustsBoth, app.port()).equals("CN=two.test"));
        } finally {
            app.stop();
        }
    }

    private static void install(SelfSignedCertificate c, Path cert, Path key) throws IOException {
        // Key first, then the chain, each replaced whole (as a deploy tool moves files into place).
        Path tmpKey = Files.copy(c.privateKeyPem(), key.resolveSibling(key.getFileName() + ".tmp"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmpKey, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path tmpCert = Files.copy(c.certificatePem(), cert.resolveSibling(cert.getFileName() + ".tmp"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmpCert, cert, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // The modification time may not move within one clock tick; the size or the time does.
        Files.setLastModifiedTime(cert, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000));
    }

    @Test
    void httpAndHttpsSideBySideWithARedirect() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        int httpsPort = freePort();
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withTls(cert.tls()).withHttpsPort(httpsPort))
                .use(HttpsRedirect.to(httpsPort).except("/health"))
                .get("/books", ctx -> ctx.send("books over " + ctx.scheme()))
                .get("/health", ctx -> ctx.send("up over " + ctx.scheme()))
                .start(0);
        try {
            assertEquals(httpsPort, app.httpsPort());
            HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/books?tag=sf&page=2")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(308, r.statusCode());
            assertEquals("https://localhost:" + httpsPort + "/books?tag=sf&page=2", r.headers().firstValue("Location").orElseThrow());
            assertEquals("up over http", plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            HttpClient following = HttpClient.newBuilder().sslContext(cert.clientContext())
                    .followRedirects(HttpClient.Redirect.ALWAYS).build();
            assertEquals("books over https", following.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/books")).build(), HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            app.stop();
        }
    }

    @Test
    void theConfigurationFileTurnsHttpsOnAndAnOverrideNamesTheKey() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path toml = dir.resolve("aurora.toml");
        Files.writeString(toml, """
                [server]
                host = "127.0.0.1"
                port = 0

                [server.tls]
                certificateChain = "%s"
                privateKey = "%s"
                protocols = ["TLSv1.3"]
                """.formatted(cert.certificatePem(), cert.privateKeyPem()));
        Aurora app = Aurora.fromConfig(toml).get("/hello", ctx -> ctx.send("hi " + ctx.tls().protocol()));
        app.start(0);
        try {
            assertEquals("hi TLSv1.3", get(TlsClients.http(cert.clientContext()), app.port(), "/hello").body());
        } finally {
            app.stop();
        }
        Files.writeString(toml, """
                [server.tls]
                certificateChain = "%s"
                """.formatted(cert.certificatePem()));
        var e = assertThrows(dev.aurora.config.ConfigException.class, () -> Configuration.load(toml).server());
        assertTrue(e.getMessage().contains("privateKey is missing"), e.getMessage());
    }

    @Test
    void aClientHelloOnThePlainPortGetsAFast400() throws Exception {
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1")).get("/", ctx -> ctx.send("plain")).start(0);
        try (SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5_000);
            // The handshake fails on the server's plain-text answer instead of waiting out a timeout.
            long start = System.nanoTime();
            assertThrows(IOException.class, socket::startHandshake);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4_000, "answered before the read timeout");
        } finally {
            app.stop();
        }
        Aurora again = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1")).get("/", ctx -> ctx.send("plain")).start(0);
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", again.port())) {
            raw.setSoTimeout(5_000);
            raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4, 0x03, 0x03});
            String answer = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        } finally {
            again.stop();
        }
    }

    @Test
    void anEnvironmentVariableSuppliesTheKeyStorePassword() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path toml = dir.resolve("p12.toml");
        Files.writeString(toml, """
                [server.tls]
                keyStore = "%s"
                """.formatted(cert.keyStore()));
        ServerConfig config = Configuration.builder().file(toml)
                .environment(java.util.Map.of("AURORA_SERVER_TLS_KEY_STORE_PASSWORD", cert.password())).build().server();
        assertEquals(cert.password(), config.tls().keyStorePassword());
        Aurora app = Aurora.create(config.withHost("127.0.0.1")).get("/hello", ctx -> ctx.send("p12")).start(0);
        try {
            assertEquals("p12", get(TlsClients.http(cert.clientContext()), app.port(), "/hello").body());
        } finally {
            app.stop();
        }
    }

    @Test
    void anApplicationsOwnContextServesHttps() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        SSLContext own = dev.aurora.internal.tls.TlsContexts.build(Tls.keyStore(cert.keyStore(), cert.password()));
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1")).tls(own)
                .get("/hello", ctx -> ctx.send(ctx.scheme() + " " + ctx.tls().protocol())).start(0);
        try {
            assertEquals("https TLSv1.3", get(TlsClients.http(cert.clientContext()), app.port(), "/hello").body());
            assertFalse(app.reloadTls(), "an application's own context is never reloaded");
        } finally {
            app.stop();
        }
    }

    @Test
    void headerAndKeepAliveTimeoutsHoldOverTls() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withTls(cert.tls())
                        .withHeaderTimeout(Duration.ofMillis(700)).withKeepAliveTimeout(Duration.ofMillis(700)))
                .get("/hello", ctx -> ctx.send("hi")).start(0);
        try {
            try (SSLSocket slow = TlsClients.socket(cert.clientContext(), app.port())) {
                slow.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                slow.getOutputStream().flush();
                // Cut at the header deadline (0.7 s), long before the client's 10 s read timeout. Over TLS
                // the cut read cannot be resumed to write a 408: the connection just closes, as nginx does.
                long start = System.nanoTime();
                String answer = readResponseThenClose(slow.getInputStream());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 8_000, "closed at the deadline");
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
            }
            try (SSLSocket idle = TlsClients.socket(cert.clientContext(), app.port())) {
                idle.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                idle.getOutputStream().flush();
                long start = System.nanoTime();
                String answer = readResponseThenClose(idle.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 200") && answer.endsWith("hi"), answer);
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 8_000, "idle connection closed");
            }
        } finally {
            app.stop();
        }
    }

    /** Reads what comes until the server closes the idle connection (the keep-alive timeout). */
    private static String readResponseThenClose(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the close is a close too
        }
        return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
