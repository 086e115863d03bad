package dev.aurora.tests.config;

import dev.aurora.Aurora;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import java.nio.file.Path;

/** Runs in a JVM whose class path lacks jackson-dataformat-toml: JSON config and start work, TOML says what to add. */
public final class WithoutTomlMain {
    private WithoutTomlMain() {
    }

    public static void main(String[] args) {
        System.out.println("json port " + Configuration.load(Path.of(args[1])).server().port());
        try {
            Configuration.load(Path.of(args[0])).server();
            System.out.println("toml loaded");
        } catch (ConfigException e) {
            System.out.println("toml refused: " + e.getMessage());
        }
        Aurora app = Aurora.create().get("/", ctx -> ctx.send("ok")).start(0);
        System.out.println("started " + (app.port() > 0));
        app.stop();
    }
}
