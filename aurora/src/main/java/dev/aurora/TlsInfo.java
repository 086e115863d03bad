package dev.aurora;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the TLS handshake of an HTTPS connection settled, from {@link Context#tls()}.
 *
 * @param protocol the protocol version, {@code TLSv1.3} or {@code TLSv1.2}
 * @param cipherSuite the cipher suite, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param serverName the host name the client asked for (SNI), or null if it sent none (clients
 *     connecting to an IP address do not)
 * @param peerCertificates the client's certificate chain, its own first, when it presented one
 *     (mutual TLS); empty otherwise
 */
public record TlsInfo(String protocol, String cipherSuite, String serverName, List<X509Certificate> peerCertificates) {
    /** Copies the chain. */
    public TlsInfo {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** {@return the subject of the client's certificate, or null if it presented none} */
    public Principal peerPrincipal() {
        return peerCertificates.isEmpty() ? null : peerCertificates.get(0).getSubjectX500Principal();
    }
}
