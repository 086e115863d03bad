package dev.aurora.internal.tls;

import dev.aurora.TlsInfo;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** A JSSE session as the {@link TlsInfo} handlers see. */
public final class TlsDetails {
    private TlsDetails() {
    }

    public static TlsInfo of(SSLSession session) {
        String serverName = null;
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    serverName = host.getAsciiName();
                }
            }
        }
        List<X509Certificate> peer = new ArrayList<>();
        try {
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x509) {
                    peer.add(x509);
                }
            }
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate: not mutual TLS, or the client declined a requested one
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), serverName, peer);
    }
}
