package dev.aurora.examples.production.tests;

import dev.aurora.config.Configuration;
import dev.aurora.examples.production.Settings;
import java.nio.file.Path;
import java.util.Map;

/** The configuration the deployment files ship: aurora.toml, with a deployment's own overrides. */
final class Shipped {
    /** The module directory: surefire and failsafe run there. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path DEPLOY = MODULE.resolve("deploy");

    private Shipped() {
    }

    /**
     * @param env the AURORA_* variables a deployment file sets
     * @return the settings the service starts with there
     */
    static Settings settings(Map<String, String> env) {
        return Settings.load(Configuration.builder().file(MODULE.resolve("aurora.toml"))
                .environment(env).systemProperties(Map.of()));
    }
}
