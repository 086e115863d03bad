package dev.aurora.tests.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Tls;
import dev.aurora.internal.tls.PemFiles;
import dev.aurora.internal.tls.TlsContexts;
import dev.aurora.internal.tls.TlsFileException;
import dev.aurora.test.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates and keys from files: every format the docs name works, every wrong file is named with its fix. */
class TlsFilesTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate ec;
    static SelfSignedCertificate rsa;

    @BeforeAll
    static void certificates() {
        ec = SelfSignedCertificate.create(dir, "ec.test", "EC");
        rsa = SelfSignedCertificate.create(dir, "rsa.test", "RSA");
    }

    @Test
    void pemFilesWithEcAndRsaKeysMakeAContext() {
        assertNotNull(TlsContexts.build(ec.tls()));
        assertNotNull(TlsContexts.build(rsa.tls()));
        assertEquals("EC", PemFiles.privateKey(ec.privateKeyPem(), null).getAlgorithm());
        assertEquals("RSA", PemFiles.privateKey(rsa.privateKeyPem(), null).getAlgorithm());
    }

    @Test
    void aPkcs12KeyStoreMakesAContext() {
        assertNotNull(TlsContexts.build(Tls.keyStore(ec.keyStore(), ec.password())));
    }

    @Test
    void aWrongKeyStorePasswordIsNamed() {
        var e = assertThrows(TlsFileException.class, () -> TlsContexts.build(Tls.keyStore(ec.keyStore(), "wrong")));
        assertEquals("TLS file " + ec.keyStore() + " cannot be opened with the keyStorePassword given (wrong password)",
                e.getMessage());
    }

    @Test
    void aKeyThatDoesNotBelongToTheChainIsNamed() {
        var e = assertThrows(TlsFileException.class,
                () -> TlsContexts.build(Tls.pem(rsa.certificatePem(), ec.privateKeyPem())));
        assertTrue(e.getMessage().startsWith("TLS file " + ec.privateKeyPem() + " holds a EC key, but the first certificate"),
                e.getMessage());
    }

    @Test
    void aTraditionalRsaKeyGetsTheConversionCommand() throws Exception {
        Path key = dir.resolve("pkcs1.pem");
        Files.writeString(key, SelfSignedCertificate.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        var e = assertThrows(TlsFileException.class, () -> PemFiles.privateKey(key, null));
        assertEquals("TLS file " + key + " holds a RSA key in the traditional format (BEGIN RSA PRIVATE KEY);"
                + " convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in pkcs1.pem -out key.pem", e.getMessage());
    }

    @Test
    void filesThatAreNotPemOrMissingAreNamed() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertEquals("TLS file " + text + " is not a PEM file (no -----BEGIN ...----- block)",
                assertThrows(TlsFileException.class, () -> PemFiles.certificates(text)).getMessage());
        assertEquals("TLS file " + ec.privateKeyPem() + " has no -----BEGIN CERTIFICATE----- block",
                assertThrows(TlsFileException.class, () -> PemFiles.certificates(ec.privateKeyPem())).getMessage());
        assertEquals("TLS file " + ec.certificatePem() + " has no -----BEGIN PRIVATE KEY----- block",
                assertThrows(TlsFileException.class, () -> PemFiles.privateKey(ec.certificatePem(), null)).getMessage());
        Path missing = dir.resolve("absent.pem");
        assertTrue(assertThrows(TlsFileException.class, () -> PemFiles.certificates(missing)).getMessage()
                .startsWith("TLS file " + missing + " cannot be read"));
    }

    @Test
    void anEncryptedKeyNeedsItsPassword() throws Exception {
        Path key = dir.resolve("encrypted.pem");
        Files.writeString(key, SelfSignedCertificate.pem("ENCRYPTED PRIVATE KEY",
                encrypt(PemFiles.privateKey(ec.privateKeyPem(), null).getEncoded(), "open sesame")));
        assertEquals("TLS file " + key + " holds an encrypted private key and no password is set (privateKeyPassword)",
                assertThrows(TlsFileException.class, () -> PemFiles.privateKey(key, null)).getMessage());
        assertTrue(assertThrows(TlsFileException.class, () -> PemFiles.privateKey(key, "wrong")).getMessage()
                .startsWith("TLS file " + key + " holds an encrypted private key that cannot be decrypted"));
        assertEquals("EC", PemFiles.privateKey(key, "open sesame").getAlgorithm());
        assertNotNull(TlsContexts.build(Tls.pem(ec.certificatePem(), key).withPrivateKeyPassword("open sesame")));
    }

    /** PKCS#8 PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC), as openssl pkcs8 -topk8 -v2 aes-256-cbc writes it. */
    private static byte[] encrypt(byte[] pkcs8, String password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return new EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(pkcs8)).getEncoded();
    }
}
