package dev.aurora.tests.deploy;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.time.Duration;

/**
 * One instance behind the load balancer, in a JVM of its own, stopped the way production stops it:
 * SIGTERM, and a shutdown hook that calls {@code stop()}. Arguments: port, instance name, drain
 * delay in milliseconds. {@code GET /plaintext} and {@code POST /echo} (the body back) answer with
 * {@code X-Instance}, so the client sees which instance served it. Prints {@code PORT <n>} once it
 * listens.
 */
public final class InstanceMain {
    private InstanceMain() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String name = args[1];
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1")
                .withDrainDelay(Duration.ofMillis(Long.parseLong(args[2])));
        Aurora app = Aurora.create(config)
                .get("/plaintext", ctx -> ctx.header("X-Instance", name).send("Hello, World!"))
                .post("/echo", ctx -> ctx.header("X-Instance", name).send(ctx.body()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start(port);
        System.out.println("PORT " + app.port());
        System.out.flush();
    }
}
