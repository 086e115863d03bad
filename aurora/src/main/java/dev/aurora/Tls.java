package dev.aurora;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * HTTPS for a server: where its certificate and key come from, whether clients must present one,
 * and which protocol versions it speaks. Set it with {@link ServerConfig#withTls(Tls)} or in the
 * configuration file's {@code [server.tls]} section; the JDK's own TLS (JSSE) does the work.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.defaults().withPort(8443)
 *         .withTls(Tls.pem(Path.of("/etc/aurora/fullchain.pem"), Path.of("/etc/aurora/key.pem")));
 * }</pre>
 *
 * <p>Exactly one source: PEM files ({@code certificateChain} and {@code privateKey}, an
 * unencrypted or password-protected PKCS#8 key, RSA or EC) or a PKCS#12 {@code keyStore}. The files
 * are read at start, and again when they change (checked every {@code reloadInterval}) or on
 * {@link Aurora#reloadTls()}: new connections get the new certificate, open ones finish with the
 * old. A file that cannot be read at start fails the start naming the file and the problem; at a
 * reload it is logged and the previous certificate stays.
 *
 * @param certificateChain PEM file with the server certificate first, then intermediates; or null
 * @param privateKey PEM file with the PKCS#8 private key ({@code BEGIN PRIVATE KEY} or {@code
 *     BEGIN ENCRYPTED PRIVATE KEY}); or null
 * @param privateKeyPassword the password of an encrypted private key, or null
 * @param keyStore a PKCS#12 file with one private key entry and its chain; or null
 * @param keyStorePassword the key store's password (also the key's), or null for none
 * @param clientAuth whether clients present a certificate: {@code NONE}, {@code REQUESTED} or
 *     {@code REQUIRED}
 * @param trustedCertificates PEM file with the CA certificates that client certificates must
 *     chain to; required unless {@code clientAuth} is {@code NONE}
 * @param protocols protocol versions offered, among {@code TLSv1.3} and {@code TLSv1.2}
 * @param reloadInterval how often the files are checked for changes; zero checks never (then
 *     only {@link Aurora#reloadTls()} reloads)
 */
public record Tls(
        Path certificateChain,
        Path privateKey,
        String privateKeyPassword,
        Path keyStore,
        String keyStorePassword,
        ClientAuth clientAuth,
        Path trustedCertificates,
        List<String> protocols,
        Duration reloadInterval) {

    /** Whether the server asks clients for a certificate (mutual TLS). */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE,
        /** A client may present a certificate; one that does must chain to the trusted CAs. */
        REQUESTED,
        /** Every client must present a certificate that chains to the trusted CAs. */
        REQUIRED
    }

    private static final List<String> MODERN = List.of("TLSv1.3", "TLSv1.2");
    private static final Duration DEFAULT_RELOAD = Duration.ofMinutes(1);

    /** Checks that exactly one source is set and that the rest fits it. */
    public Tls {
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        protocols = protocols == null || protocols.isEmpty() ? MODERN : List.copyOf(protocols);
        reloadInterval = reloadInterval == null ? DEFAULT_RELOAD : reloadInterval;
        boolean pem = certificateChain != null || privateKey != null;
        if (pem && keyStore != null) {
            throw new IllegalArgumentException("tls: set either certificateChain and privateKey (PEM) or keyStore"
                    + " (PKCS#12), not both");
        }
        if (!pem && keyStore == null) {
            throw new IllegalArgumentException("tls: set certificateChain and privateKey (PEM files) or keyStore"
                    + " (a PKCS#12 file)");
        }
        if (pem && (certificateChain == null || privateKey == null)) {
            throw new IllegalArgumentException("tls: " + (certificateChain == null ? "certificateChain" : "privateKey")
                    + " is missing; PEM needs both the certificate chain and the private key");
        }
        if (clientAuth != ClientAuth.NONE && trustedCertificates == null) {
            throw new IllegalArgumentException("tls: clientAuth " + clientAuth
                    + " needs trustedCertificates, a PEM file of the CAs client certificates chain to");
        }
        for (String p : protocols) {
            if (!MODERN.contains(p)) {
                throw new IllegalArgumentException("tls: protocol " + p + " is not offered; use TLSv1.3 and/or TLSv1.2");
            }
        }
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("tls: reloadInterval must not be negative: " + reloadInterval);
        }
    }

    /**
     * {@return TLS from PEM files, TLS 1.3 and 1.2, no client certificates}
     *
     * @param certificateChain PEM file: the server certificate, then its intermediates
     * @param privateKey PEM file: the unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
     */
    public static Tls pem(Path certificateChain, Path privateKey) {
        return new Tls(Objects.requireNonNull(certificateChain, "certificateChain"),
                Objects.requireNonNull(privateKey, "privateKey"), null, null, null, null, null, null, null);
    }

    /**
     * {@return TLS from the key store, TLS 1.3 and 1.2, no client certificates}
     *
     * @param keyStore a PKCS#12 file with one private key entry and its certificate chain
     * @param password the key store's password, also used for the key; null for none
     */
    public static Tls keyStore(Path keyStore, String password) {
        return new Tls(null, null, null, Objects.requireNonNull(keyStore, "keyStore"), password, null, null, null,
                null);
    }

    /**
     * {@return a copy with the key's password}
     *
     * @param password the password of an encrypted PKCS#8 private key
     */
    public Tls withPrivateKeyPassword(String password) {
        return new Tls(certificateChain, privateKey, password, keyStore, keyStorePassword, clientAuth,
                trustedCertificates, protocols, reloadInterval);
    }

    /**
     * {@return a copy asking for client certificates (mutual TLS)}
     *
     * @param mode whether client certificates are requested or required
     * @param trustedCertificates PEM file with the CA certificates client certificates must chain to
     */
    public Tls withClientAuth(ClientAuth mode, Path trustedCertificates) {
        return new Tls(certificateChain, privateKey, privateKeyPassword, keyStore, keyStorePassword, mode,
                trustedCertificates, protocols, reloadInterval);
    }

    /**
     * {@return a copy offering only these versions}
     *
     * @param protocols among {@code TLSv1.3} and {@code TLSv1.2}
     */
    public Tls withProtocols(List<String> protocols) {
        return new Tls(certificateChain, privateKey, privateKeyPassword, keyStore, keyStorePassword, clientAuth,
                trustedCertificates, protocols, reloadInterval);
    }

    /**
     * {@return a copy with that interval}
     *
     * @param interval how often the files are checked for changes; zero for never
     */
    public Tls withReloadInterval(Duration interval) {
        return new Tls(certificateChain, privateKey, privateKeyPassword, keyStore, keyStorePassword, clientAuth,
                trustedCertificates, protocols, interval);
    }

    @Override
    public String toString() {
        // Passwords stay out of logs and error messages.
        return "Tls[" + (keyStore != null ? "keyStore=" + keyStore : "certificateChain=" + certificateChain
                + ", privateKey=" + privateKey) + ", clientAuth=" + clientAuth + ", protocols=" + protocols + "]";
    }
}
