package dev.aurora.internal.tls;

import dev.aurora.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the JSSE {@link SSLContext} a {@link Tls} configuration describes, reading its files. */
public final class TlsContexts {
    private static final char[] IN_MEMORY = "aurora".toCharArray();

    private TlsContexts() {
    }

    /**
     * @throws TlsFileException naming the file when one cannot be read or used
     */
    public static SSLContext build(Tls tls) {
        KeyStore keys = tls.keyStore() != null ? keyStore(tls.keyStore(), tls.keyStorePassword()) : pemKeys(tls);
        char[] keyPassword = tls.keyStore() != null ? password(tls.keyStorePassword()) : IN_MEMORY;
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keyPassword);
            TrustManagerFactory tmf = null;
            if (tls.trustedCertificates() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted(tls.trustedCertificates()));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            Path file = tls.keyStore() != null ? tls.keyStore() : tls.privateKey();
            throw new TlsFileException(file, "does not make a usable key (" + e.getMessage() + ")", e);
        }
    }

    private static KeyStore pemKeys(Tls tls) {
        List<X509Certificate> chain = PemFiles.certificates(tls.certificateChain());
        PrivateKey key = PemFiles.privateKey(tls.privateKey(), tls.privateKeyPassword());
        if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw new TlsFileException(tls.privateKey(), "holds a " + key.getAlgorithm() + " key, but the first"
                    + " certificate of " + tls.certificateChain() + " is for a " + chain.get(0).getPublicKey().getAlgorithm()
                    + " key; the chain must start with the server's own certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, IN_MEMORY, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsFileException(tls.privateKey(), "does not match the certificate of " + tls.certificateChain()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private static KeyStore keyStore(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password(password));
            boolean hasKey = false;
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                hasKey |= store.isKeyEntry(aliases.nextElement());
            }
            if (!hasKey) {
                throw new TlsFileException(file, "holds no private key entry, only certificates");
            }
            return store;
        } catch (IOException e) {
            throw new TlsFileException(file, e.getCause() instanceof java.security.UnrecoverableKeyException
                    ? "cannot be opened with the keyStorePassword given (wrong password)"
                    : "cannot be read as PKCS#12 (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new TlsFileException(file, "cannot be read as PKCS#12 (" + e.getMessage() + ")", e);
        }
    }

    private static KeyStore trusted(Path file) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemFiles.certificates(file)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsFileException(file, "cannot be used as trusted certificates (" + e.getMessage() + ")", e);
        }
    }

    private static char[] password(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
