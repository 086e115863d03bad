package dev.aurora.tests.tls;

import static dev.aurora.tests.tls.TlsClients.assertOk;
import static dev.aurora.tests.tls.TlsClients.get;
import static dev.aurora.tests.tls.TlsClients.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.TlsInfo;
import dev.aurora.test.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on one port: the JDK client, curl, openssl s_client and Python's ssl get the same answers as
 * over plain HTTP; the parser's limits hold over TLS; plain HTTP on the port gets a fast 400, and a
 * client that never finishes its handshake is cut.
 */
class HttpsTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate cert;
    static Aurora app;
    static int port;
    static SSLContext trusting;

    @BeforeAll
    static void start() {
        cert = SelfSignedCertificate.create(dir);
        trusting = cert.clientContext();
        app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withTls(cert.tls())
                        .withFirstRequestTimeout(Duration.ofMillis(1500)).withMaxHeaderSize(4096))
                .get("/hello", ctx -> ctx.send("Hello over " + ctx.scheme()))
                .get("/tls", ctx -> {
                    TlsInfo tls = ctx.tls();
                    ctx.send(tls.protocol() + "|" + tls.serverName() + "|" + tls.peerPrincipal());
                })
                .post("/echo", ctx -> ctx.send(ctx.body()))
                .start(0);
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void theJdkClientGetsTls13WithSniAndKeepsTheConnection() throws Exception {
        HttpClient client = TlsClients.http(trusting);
        HttpResponse<String> r = get(client, port, "/hello");
        assertEquals(200, r.statusCode());
        assertEquals("Hello over https", r.body());
        assertEquals("TLSv1.3|localhost|null", get(client, port, "/tls").body());
        assertEquals("TLSv1.3", r.sslSession().orElseThrow().getProtocol());
    }

    @Test
    void tls12IsOfferedWithAForwardSecretAeadSuite() throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("localhost", port)) {
            SSLParameters p = socket.getSSLParameters();
            p.setProtocols(new String[] {"TLSv1.2"});
            socket.setSSLParameters(p);
            socket.setSoTimeout(10_000);
            String response = TlsClients.exchange(socket, "GET /tls HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.endsWith("TLSv1.2|null|null"), response);
            String suite = socket.getSession().getCipherSuite();
            assertTrue(suite.startsWith("TLS_ECDHE_") && (suite.contains("GCM") || suite.contains("CHACHA20")), suite);
        }
    }

    @Test
    void tls11IsRefusedByTheServer() throws Exception {
        assumeTrue(TlsClients.installed("openssl"), "openssl is not installed");
        // Security level 0 lets openssl offer TLS 1.1 at all, so the refusal seen is the server's alert.
        var old = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_1",
                "-cipher", "DEFAULT@SECLEVEL=0"), "");
        assertNotEquals(0, old.exit(), old.output());
        assertTrue(old.output().contains("alert protocol version"), old.output());
    }

    @Test
    void theParserAndItsLimitsBehaveAsOverPlainHttp() throws Exception {
        try (SSLSocket socket = TlsClients.socket(trusting, port)) {
            String two = TlsClients.exchange(socket, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(two.startsWith("HTTP/1.1 200"), two);
            assertTrue(two.contains("\r\n\r\nhelloHTTP/1.1 200"), "pipelined over TLS: " + two);
            assertTrue(two.endsWith("Hello over https"), two);
        }
        try (SSLSocket socket = TlsClients.socket(trusting, port)) {
            String big = TlsClients.exchange(socket, "GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(5000)
                    + "\r\n\r\n");
            assertTrue(big.startsWith("HTTP/1.1 431"), big);
        }
        try (SSLSocket socket = TlsClients.socket(trusting, port)) {
            String bad = TlsClients.exchange(socket, "GET /hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        }
    }

    @Test
    void plainHttpOnTheHttpsPortGetsAFast400() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.endsWith("This port speaks HTTPS: use an https:// URL.\r\n"), response);
        }
    }

    @Test
    void aClientThatNeverSendsItsClientHelloIsCut() throws Exception {
        for (byte[] sent : List.of(new byte[0], new byte[] {0x16, 0x03, 0x01})) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(8_000);
                socket.getOutputStream().write(sent);
                // firstRequestTimeout is 1.5 s: the server closes long before this read would time out.
                InputStream in = socket.getInputStream();
                assertEquals(-1, readUntilClosed(in), "the server closed the connection");
            }
        }
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        int b;
        try {
            while ((b = in.read()) >= 0) {
                // an alert, if any
            }
        } catch (java.net.SocketException reset) {
            return -1;
        }
        return b;
    }

    @Test
    void curlGetsTheSameAnswer() throws Exception {
        assumeTrue(TlsClients.installed("curl"), "curl is not installed");
        var ok = run(List.of("curl", "-sS", "--cacert", cert.certificatePem().toString(),
                "https://localhost:" + port + "/hello"), null);
        assertOk(ok);
        assertEquals("Hello over https", ok.output());
        var tls12 = run(List.of("curl", "-sS", "--cacert", cert.certificatePem().toString(), "--tls-max", "1.2",
                "-w", " %{http_version}", "https://localhost:" + port + "/tls"), null);
        assertOk(tls12);
        assertEquals("TLSv1.2|localhost|null 1.1", tls12.output());
    }

    @Test
    void opensslNegotiatesAlpnHttp11AndFailsAClientThatOnlySpeaksH2() throws Exception {
        assumeTrue(TlsClients.installed("openssl"), "openssl is not installed");
        String request = "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        var http11 = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost",
                "-alpn", "h2,http/1.1", "-CAfile", cert.certificatePem().toString(), "-verify_return_error",
                "-ign_eof"), request);
        assertOk(http11);
        assertTrue(http11.output().contains("ALPN protocol: http/1.1"), http11.output());
        assertTrue(http11.output().contains("Verify return code: 0 (ok)"), http11.output());
        assertTrue(http11.output().contains("Hello over https"), http11.output());
        var h2only = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-alpn", "h2"), "");
        assertNotEquals(0, h2only.exit(), h2only.output());
        assertTrue(h2only.output().contains("no application protocol"), h2only.output());
    }

    @Test
    void pythonsSslModuleGetsTheSameAnswer() throws Exception {
        assumeTrue(TlsClients.installed("python3"), "python3 is not installed");
        String script = """
                import socket, ssl, sys
                ctx = ssl.create_default_context(cafile=sys.argv[1])
                ctx.set_alpn_protocols(["h2", "http/1.1"])
                with socket.create_connection(("127.0.0.1", int(sys.argv[2]))) as raw:
                    with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
                        tls.sendall(b"GET /tls HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n")
                        data = b""
                        while True:
                            chunk = tls.recv(4096)
                            if not chunk:
                                break
                            data += chunk
                        print(tls.version(), tls.selected_alpn_protocol())
                        print(data.decode().split("\\r\\n")[0])
                        print(data.decode().split("\\r\\n\\r\\n", 1)[1])
                """;
        var py = run(List.of("python3", "-c", script, cert.certificatePem().toString(), String.valueOf(port)), null);
        assertOk(py);
        assertEquals("TLSv1.3 http/1.1\nHTTP/1.1 200 OK\nTLSv1.3|localhost|null\n", py.output());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsItsHandshake() {
        HttpClient untrusting = HttpClient.newHttpClient();
        assertThrows(SSLHandshakeException.class, () -> get(untrusting, port, "/hello"));
    }
}
