package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.Tls;
import java.nio.file.Path;

/**
 * The Aurora server of {@code benchmarks/tls-load.sh}: {@code GET /plaintext} and {@code GET /json}
 * as the shared perf contract describes them (the hello example's handlers), over HTTPS only, on
 * 127.0.0.1:PORT, with {@code Tls.pem(CERT, KEY)} and otherwise default settings (TLS 1.3 and 1.2,
 * the suites {@code ServerTls} keeps, ALPN {@code http/1.1}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.aurora.benchmarks.TlsLoadApp PORT
 * CERT.pem KEY.pem}. Stops gracefully on SIGTERM (shutdown hook).
 */
public final class TlsLoadApp {
    /** The JSON body of {@code GET /json}, serialized per request. */
    public record Message(String message) {
    }

    private TlsLoadApp() {
    }

    /**
     * @param args {@code PORT CERT KEY}: the port and the PEM certificate chain and PKCS#8 key
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: TlsLoadApp PORT CERT.pem KEY.pem");
            System.exit(2);
        }
        // Defaults on purpose (reload check every minute included): what an application gets.
        Tls tls = Tls.pem(Path.of(args[1]), Path.of(args[2]));
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1")
                .withPort(Integer.parseInt(args[0])).withTls(tls));
        app.get("/plaintext", ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!"));
        app.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start();
    }
}
