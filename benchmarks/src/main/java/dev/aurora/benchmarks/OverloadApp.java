package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The server of {@code benchmarks/overload.sh}: {@code GET /work} runs a 5 ms "query" on a
 * database that serves {@link #DB_POOL} at once (a fair semaphore and a sleep, as a JDBC pool in
 * front of a database would) and hashes a little (SHA-256 over 1 KiB, {@link #ROUNDS} times).
 * With more clients than the database serves, requests pile up in the pool's queue and every
 * one of them waits, unless {@code maxConcurrentRequests} refuses the excess at the door.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.aurora.benchmarks.OverloadApp PORT
 * MAX_CONCURRENT [MAX_QUEUED [QUEUE_TIMEOUT_MS]]} (0 for no limit).
 */
public final class OverloadApp {
    static final int ROUNDS = 20;
    static final int DB_POOL = 8;
    private static final Semaphore DB = new Semaphore(DB_POOL, true);

    private OverloadApp() {
    }

    /**
     * @param args port, maxConcurrentRequests, then optionally maxQueuedRequests and
     *     requestQueueTimeout in milliseconds
     */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1")
                .withMaxConcurrentRequests(Integer.parseInt(args[1]))
                .withMaxQueuedRequests(args.length > 2 ? Integer.parseInt(args[2]) : 0)
                .withRequestQueueTimeout(Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 1_000));
        Aurora app = Aurora.create(config)
                .get("/work", ctx -> ctx.contentType("text/plain").send(work()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            System.out.println("OverloadApp stopped; " + app.stats());
        }, "aurora-shutdown"));
        app.start(port);
        System.out.println("OverloadApp listening on 127.0.0.1:" + app.port() + " with " + config.maxConcurrentRequests()
                + " concurrent, " + config.maxQueuedRequests() + " queued");
    }

    private static String work() throws NoSuchAlgorithmException, InterruptedException {
        DB.acquire();
        try {
            Thread.sleep(5);
        } finally {
            DB.release();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1024];
        for (int i = 0; i < ROUNDS; i++) {
            sha.update(block);
            block[i % block.length] = sha.digest()[0];
        }
        return Integer.toHexString(block[0] & 0xFF);
    }
}
