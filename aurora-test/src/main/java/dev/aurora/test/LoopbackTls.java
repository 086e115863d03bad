package dev.aurora.test;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for the test client's loopback connections to an HTTPS application: it trusts whatever
 * certificate the application under test presents (a test's throwaway one, usually), since it only
 * ever connects to that application on the loopback interface.
 */
final class LoopbackTls {
    private LoopbackTls() {
    }

    static SSLSocketFactory factory() {
        TrustManager trustTheAppUnderTest = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // The application under test, on loopback: its certificate is the test's own.
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustTheAppUnderTest}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS in this JDK", e);
        }
    }
}
