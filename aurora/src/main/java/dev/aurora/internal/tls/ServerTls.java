package dev.aurora.internal.tls;

import dev.aurora.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server's TLS: the current {@link SSLContext}, reloaded when its files change, and the
 * parameters every connection gets (protocols, cipher suites, ALPN {@code http/1.1}, client
 * authentication). New connections take the context current when they arrive; open ones keep
 * theirs. Any thread.
 */
public final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final String[] ALPN = {"http/1.1"};

    private final Tls config;
    private final List<Path> files;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile SSLContext context;
    private volatile List<Long> stamps;
    private volatile long nextCheckNanos;

    private ServerTls(Tls config, SSLContext context) {
        this.config = config;
        this.files = config == null ? List.of() : files(config);
        this.context = context;
        this.stamps = stamps(files);
        this.nextCheckNanos = System.nanoTime() + interval();
    }

    /**
     * @throws TlsFileException naming the file when the configuration's files cannot be used
     */
    public static ServerTls of(Tls config) {
        return new ServerTls(config, TlsContexts.build(config));
    }

    /** TLS with an application's own context: TLS 1.3 and 1.2, never reloaded. */
    public static ServerTls of(SSLContext context) {
        return new ServerTls(null, Objects.requireNonNull(context, "context"));
    }

    /**
     * Wraps an accepted TCP socket as the server side of a TLS connection; the handshake is left
     * to the caller.
     *
     * @param consumed bytes already read from {@code socket} (the first byte of the ClientHello)
     */
    public SSLSocket wrap(Socket socket, InputStream consumed) throws IOException {
        reloadIfChanged();
        SSLContext current = context;
        SSLSocket ssl = (SSLSocket) current.getSocketFactory().createSocket(socket, consumed, true);
        SSLParameters parameters = ssl.getSSLParameters();
        List<String> protocols = config == null ? List.of("TLSv1.3", "TLSv1.2") : config.protocols();
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setCipherSuites(modern(ssl.getSupportedCipherSuites(), parameters.getCipherSuites()));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setApplicationProtocols(ALPN);
        Tls.ClientAuth auth = config == null ? Tls.ClientAuth.NONE : config.clientAuth();
        if (auth == Tls.ClientAuth.REQUIRED) {
            parameters.setNeedClientAuth(true);
        } else if (auth == Tls.ClientAuth.REQUESTED) {
            parameters.setWantClientAuth(true);
        }
        ssl.setSSLParameters(parameters);
        return ssl;
    }

    /**
     * Reads the files again and, if they make a usable context, puts it in place for new
     * connections. A failure is logged and leaves the current context.
     *
     * @return whether the new context is in place
     */
    public boolean reload() {
        if (config == null) {
            return false;
        }
        List<Long> before = stamps(files);
        try {
            context = TlsContexts.build(config);
            stamps = before;
            LOG.info("TLS certificate reloaded from {}", files);
            return true;
        } catch (RuntimeException e) {
            stamps = before; // not retried until the files change again
            LOG.warn("TLS reload failed; new connections keep the previous certificate: {}", e.getMessage());
            return false;
        }
    }

    /** Reloads when a file changed, looking at most once per reload interval; one caller at a time. */
    void reloadIfChanged() {
        long interval = interval();
        if (interval == 0 || System.nanoTime() - nextCheckNanos < 0 || !reloading.compareAndSet(false, true)) {
            return;
        }
        try {
            nextCheckNanos = System.nanoTime() + interval;
            if (!stamps(files).equals(stamps)) {
                reload();
            }
        } finally {
            reloading.set(false);
        }
    }

    private long interval() {
        return config == null ? 0 : config.reloadInterval().toNanos();
    }

    /**
     * The JDK's enabled suites restricted to forward-secret AEAD ones: TLS 1.3's own, and for TLS
     * 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305, in the JDK's order of preference.
     */
    static String[] modern(String[] supported, String[] enabled) {
        List<String> kept = new ArrayList<>();
        for (String suite : enabled) {
            boolean tls13 = suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
            boolean tls12 = suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20"));
            if ((tls13 || tls12) && Arrays.asList(supported).contains(suite)) {
                kept.add(suite);
            }
        }
        return kept.toArray(String[]::new);
    }

    private static List<Path> files(Tls tls) {
        List<Path> files = new ArrayList<>();
        for (Path p : new Path[] {tls.certificateChain(), tls.privateKey(), tls.keyStore(), tls.trustedCertificates()}) {
            if (p != null) {
                files.add(p);
            }
        }
        return List.copyOf(files);
    }

    /** Modification time and size of each file; a file that cannot be read counts as changed (-1). */
    private static List<Long> stamps(List<Path> files) {
        List<Long> stamps = new ArrayList<>(files.size() * 2);
        for (Path f : files) {
            try {
                stamps.add(Files.getLastModifiedTime(f).toMillis());
                stamps.add(Files.size(f));
            } catch (IOException e) {
                stamps.add(-1L);
                stamps.add(-1L);
            }
        }
        return List.copyOf(stamps);
    }
}
