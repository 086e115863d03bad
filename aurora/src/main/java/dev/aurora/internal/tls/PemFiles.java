package dev.aurora.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads certificates and private keys from PEM files (RFC 7468). Every failure is a {@link
 * TlsFileException} naming the file and what is wrong with it, with the fix where there is one.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** The algorithms a PKCS#8 key may be for; the key's own encoding names which, tried in turn. */
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "RSASSA-PSS"};

    private PemFiles() {
    }

    /** @return the certificates of {@code file}, in file order (the leaf first, for a chain) */
    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.label.equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
                }
            }
        } catch (CertificateException e) {
            throw new TlsFileException(file, "is not a valid X.509 certificate (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new TlsFileException(file, "has no -----BEGIN CERTIFICATE----- block");
        }
        return certificates;
    }

    /**
     * @param password the password of an encrypted key, or null
     * @return the private key of {@code file}
     */
    public static PrivateKey privateKey(Path file, String password) {
        for (Block block : blocks(file)) {
            switch (block.label) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, block.der);
                }
                case "ENCRYPTED PRIVATE KEY" -> {
                    if (password == null) {
                        throw new TlsFileException(file, "holds an encrypted private key and no password is set"
                                + " (privateKeyPassword)");
                    }
                    return pkcs8(file, decrypt(file, block.der, password));
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new TlsFileException(file, "holds a "
                        + block.label.substring(0, block.label.indexOf(' ')) + " key in the traditional format (BEGIN "
                        + block.label + "); convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in "
                        + file.getFileName() + " -out key.pem");
                default -> {
                    // certificates or parameters next to the key: skipped
                }
            }
        }
        throw new TlsFileException(file, "has no -----BEGIN PRIVATE KEY----- block");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new TlsFileException(file, "holds a private key that is neither RSA nor EC (nor Ed25519)");
    }

    private static byte[] decrypt(Path file, byte[] der, String password) {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // PBES2 (what openssl writes by default) is named by its parameters, e.g.
            // PBEWithHmacSHA256AndAES_256; older schemes by the algorithm identifier itself.
            String algorithm = info.getAlgName();
            if (algorithm.equals("PBES2") || algorithm.startsWith("1.2.840.113549.1.5.13")) {
                algorithm = info.getAlgParameters().toString();
            }
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsFileException(file, "holds an encrypted private key that cannot be decrypted (wrong"
                    + " password, or an unsupported cipher: " + e.getMessage() + ")", e);
        }
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsFileException(file, "cannot be read (" + e + ")", e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new TlsFileException(file, "has a " + m.group(1) + " block that is not valid base64", e);
            }
        }
        if (blocks.isEmpty()) {
            throw new TlsFileException(file, "is not a PEM file (no -----BEGIN ...----- block)");
        }
        return blocks;
    }
}
