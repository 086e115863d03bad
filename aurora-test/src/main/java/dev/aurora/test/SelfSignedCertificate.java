package dev.aurora.test;

import dev.aurora.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate for tests, made by the JDK's {@code keytool} in a directory of the test's
 * (a JUnit {@code @TempDir}): a key pair, a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1} valid for two days, as a PKCS#12 key store and as PEM files. Never check such
 * a key into a repository for anything but tests.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.create(tempDir);
 * Aurora app = Aurora.create(ServerConfig.defaults().withPort(0).withTls(cert.tls()));
 * HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContext()).build();
 * }</pre>
 *
 * @param keyStore the PKCS#12 file; its password (and the key's) is {@link #password()}
 * @param password the key store password
 * @param certificatePem the certificate as a PEM file
 * @param privateKeyPem the private key as an unencrypted PKCS#8 PEM file
 * @param certificate the certificate
 */
public record SelfSignedCertificate(Path keyStore, String password, Path certificatePem, Path privateKeyPem,
        X509Certificate certificate) {
    private static final String PASSWORD = "aurora-test";

    /**
     * An EC (P-256) certificate for {@code CN=localhost}.
     *
     * @param directory where the files go
     * @return the certificate and its files
     */
    public static SelfSignedCertificate create(Path directory) {
        return create(directory, "localhost", "EC");
    }

    /**
     * {@return the certificate and its files}
     *
     * @param directory where the files go (named after {@code commonName})
     * @param commonName the subject's CN; also a DNS name of the certificate, beside {@code localhost}
     *     and {@code 127.0.0.1}
     * @param algorithm {@code EC} (P-256) or {@code RSA} (2048 bits)
     */
    public static SelfSignedCertificate create(Path directory, String commonName, String algorithm) {
        String name = commonName.replaceAll("[^A-Za-z0-9.-]", "_");
        Path store = directory.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "server",
                "-keyalg", algorithm, "-dname", "CN=" + commonName, "-validity", "2",
                "-ext", "SAN=dns:" + commonName + ",dns:localhost,ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        command.addAll(algorithm.toUpperCase(Locale.ROOT).equals("EC") ? List.of("-groupname", "secp256r1")
                : List.of("-keysize", "2048"));
        run(command);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            X509Certificate cert = (X509Certificate) ks.getCertificate("server");
            PrivateKey key = (PrivateKey) ks.getKey("server", PASSWORD.toCharArray());
            Path certPem = directory.resolve(name + "-cert.pem");
            Path keyPem = directory.resolve(name + "-key.pem");
            Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            return new SelfSignedCertificate(store, PASSWORD, certPem, keyPem, cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keytool wrote a key store the JDK cannot read: " + store, e);
        }
    }

    /** {@return server TLS from this certificate's PEM files} */
    public Tls tls() {
        return Tls.pem(certificatePem, privateKeyPem);
    }

    /** {@return a client context that trusts this certificate (and nothing else)} */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a client context for " + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * {@return the PEM text (RFC 7468: base64 in lines of 64 characters)}
     *
     * @param label the PEM label, e.g. {@code CERTIFICATE}
     * @param der the encoded content
     */
    public static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + String.join(" ", command) + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while keytool ran", e);
        }
    }
}
