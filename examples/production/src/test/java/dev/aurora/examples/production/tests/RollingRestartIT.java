package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy/rolling-restart.sh, the procedure an operator runs: two packaged instances behind
 * deploy/nginx.conf, curl loops through nginx, each instance in turn SIGTERMed and started again.
 * Not one request may fail. One round in the default build; three with {@code -Pdeploy}.
 */
class RollingRestartIT {
    private static final Pattern SUMMARY = Pattern.compile("requests: (\\d+) in \\d+ s, failed: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void oneRoundBehindNginxLosesNoRequest() throws Exception {
        // nginx does not probe readiness, so the drain only adds time here (docs/reliability.md);
        // -Pdeploy runs the shipped 5 s.
        run(1, Map.of("AURORA_SERVER_DRAIN_DELAY", "1s"));
    }

    @Test
    @Tag("deploy")
    void threeRoundsWithTheShippedConfigurationLoseNoRequest() throws Exception {
        run(3, Map.of());
    }

    private void run(int rounds, Map<String, String> env) throws Exception {
        assumeTrue(NginxConfigIT.nginx() != null, "nginx is not installed (Debian: apt-get install nginx-light)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        Path log = dir.resolve("rolling-restart.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/rolling-restart.sh", Integer.toString(rounds))
                .directory(PackagedApp.MODULE.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA", PackagedApp.JAVA);
        builder.environment().put("NGINX", NginxConfigIT.nginx().toString());
        builder.environment().putAll(env);
        Process script = builder.start();
        boolean ended = script.waitFor(5L * rounds + 3, TimeUnit.MINUTES);
        if (!ended) {
            script.toHandle().descendants().forEach(ProcessHandle::destroy);
            script.destroy();
        }
        String output = Files.readString(log);
        assertTrue(ended, "the script did not finish:\n" + output);
        assertEquals(0, script.exitValue(), output);
        Matcher summary = SUMMARY.matcher(output);
        assertTrue(summary.find(), output);
        assertEquals("0", summary.group(2), output);
        assertTrue(Long.parseLong(summary.group(1)) >= 500, output);
        assertEquals(2 * rounds, output.lines().filter(l -> l.contains("stopped (exit 143)")).count(), output);
    }
}
