package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a {@link Tls} configuration is checked against when it is built. */
class TlsTest {
    private static final Path CERT = Path.of("cert.pem");
    private static final Path KEY = Path.of("key.pem");

    @Test
    void pemDefaultsToModernProtocolsAndNoClientCertificates() {
        Tls tls = Tls.pem(CERT, KEY);
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.protocols());
        assertEquals(Tls.ClientAuth.NONE, tls.clientAuth());
        assertEquals(Duration.ofMinutes(1), tls.reloadInterval());
    }

    @Test
    void exactlyOneSource() {
        var both = assertThrows(IllegalArgumentException.class,
                () -> new Tls(CERT, KEY, null, Path.of("k.p12"), "pw", null, null, null, null));
        assertEquals("tls: set either certificateChain and privateKey (PEM) or keyStore (PKCS#12), not both",
                both.getMessage());
        var none = assertThrows(IllegalArgumentException.class,
                () -> new Tls(null, null, null, null, null, null, null, null, null));
        assertEquals("tls: set certificateChain and privateKey (PEM files) or keyStore (a PKCS#12 file)",
                none.getMessage());
        var half = assertThrows(IllegalArgumentException.class,
                () -> new Tls(CERT, null, null, null, null, null, null, null, null));
        assertEquals("tls: privateKey is missing; PEM needs both the certificate chain and the private key",
                half.getMessage());
    }

    @Test
    void clientAuthNeedsTrustedCertificates() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Tls.pem(CERT, KEY).withClientAuth(Tls.ClientAuth.REQUIRED, null));
        assertEquals("tls: clientAuth REQUIRED needs trustedCertificates, a PEM file of the CAs client certificates"
                + " chain to", e.getMessage());
        assertEquals(Path.of("ca.pem"),
                Tls.pem(CERT, KEY).withClientAuth(Tls.ClientAuth.REQUESTED, Path.of("ca.pem")).trustedCertificates());
    }

    @Test
    void onlyTls13And12AreOffered() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tls.pem(CERT, KEY).withProtocols(List.of("TLSv1.1")));
        assertEquals("tls: protocol TLSv1.1 is not offered; use TLSv1.3 and/or TLSv1.2", e.getMessage());
        assertEquals(List.of("TLSv1.3"), Tls.pem(CERT, KEY).withProtocols(List.of("TLSv1.3")).protocols());
    }

    @Test
    void aNegativeReloadIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tls.pem(CERT, KEY).withReloadInterval(Duration.ofSeconds(-1)));
        assertEquals(Duration.ZERO, Tls.pem(CERT, KEY).withReloadInterval(Duration.ZERO).reloadInterval());
    }

    @Test
    void passwordsStayOutOfToString() {
        Tls tls = Tls.keyStore(Path.of("server.p12"), "s3cret").withPrivateKeyPassword("other");
        assertFalse(tls.toString().contains("s3cret"), tls.toString());
        assertFalse(Tls.pem(CERT, KEY).withPrivateKeyPassword("hidden").toString().contains("hidden"));
    }
}
