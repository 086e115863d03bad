package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.examples.production.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/aurora-production.service: systemd's own check, and its numbers against the service's
 * configuration (the stop timeout outlasts the drain and the grace period).
 */
class SystemdUnitTest {
    static final Path UNIT = Shipped.DEPLOY.resolve("aurora-production.service");
    static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    /** {@code [Service]} and the other sections: each key with its values in order (keys may repeat). */
    static Map<String, Map<String, List<String>>> read() throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : Files.readAllLines(UNIT)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[")) {
                current = sections.computeIfAbsent(t.substring(1, t.length() - 1), k -> new LinkedHashMap<>());
            } else {
                int eq = t.indexOf('=');
                current.computeIfAbsent(t.substring(0, eq), k -> new ArrayList<>()).add(t.substring(eq + 1));
            }
        }
        return sections;
    }

    private static String value(Map<String, List<String>> section, String key) {
        List<String> values = section.get(key);
        assertTrue(values != null && values.size() == 1, key + ": " + values);
        return values.getFirst();
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed");
        String unit = Files.readString(UNIT);
        // verify checks that ExecStart's program exists; where /usr/bin/java does not, use this JVM's.
        if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
            unit = unit.replace("/usr/bin/java ", PackagedApp.JAVA + " ");
        }
        Path copy = Files.writeString(dir.resolve(UNIT.getFileName().toString()), unit);
        Process verify = new ProcessBuilder(ANALYZE.toString(), "verify", copy.toString()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes());
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "no warnings either (an unknown key is only a warning)");
    }

    @Test
    void theStopOutlastsTheDrainAndTheGracePeriod() throws IOException {
        Map<String, List<String>> service = read().get("Service");
        Settings settings = Shipped.settings(Map.of());
        long drain = settings.server().drainDelay().toSeconds();
        long grace = settings.server().shutdownTimeout().toSeconds();
        long timeout = Long.parseLong(value(service, "TimeoutStopSec"));
        assertTrue(timeout > drain + grace, "TimeoutStopSec " + timeout + " <= " + drain + " + " + grace);
        assertEquals("SIGTERM", value(service, "KillSignal"));
        // The JVM's exit code after SIGTERM, so a stop is not recorded as a failure.
        assertTrue(value(service, "SuccessExitStatus").contains("143"));
        assertEquals("on-failure", value(service, "Restart"));
        // A configuration error (ConfigErrorIT: exit 2) is not restarted in a loop.
        assertEquals("2", value(service, "RestartPreventExitStatus"));
        assertTrue(List.of("exec", "simple").contains(value(service, "Type")));
    }

    @Test
    void itRunsTheBuiltJarAsAnUnprivilegedUserInAHardenedSandbox() throws IOException {
        Map<String, List<String>> service = read().get("Service");
        String user = value(service, "User");
        assertNotEquals("root", user);
        assertNotEquals("0", user);
        String exec = value(service, "ExecStart");
        assertTrue(exec.contains("-jar /opt/aurora-production/" + PackagedApp.JAR.getFileName() + " "), exec);
        assertTrue(value(service, "EnvironmentFile").endsWith("/etc/aurora-production/env"));
        for (var hardening : Map.of("NoNewPrivileges", "yes", "ProtectSystem", "strict", "ProtectHome", "yes",
                "PrivateTmp", "yes", "CapabilityBoundingSet", "").entrySet()) {
            assertEquals(hardening.getValue(), value(service, hardening.getKey()), hardening.getKey());
        }
        // Descriptors for every connection the server may hold.
        assertTrue(Long.parseLong(value(service, "LimitNOFILE")) > Shipped.settings(Map.of()).server().maxConnections());
    }
}
