package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aurora.ServerConfig;
import dev.aurora.examples.production.Settings;
import dev.aurora.health.HealthConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes.yaml against the service the pod runs: the image's aurora.toml with the
 * Deployment's AURORA_* variables on top. Probe paths and ports, the stop timings, the user, and
 * the memory limit against the per-connection figures measured in docs/performance.md.
 */
class KubernetesManifestTest {
    static final Path MANIFEST = Shipped.DEPLOY.resolve("kubernetes.yaml");
    /** Live heap per idle keep-alive connection: 4,961 B measured (IdleConnectionMemoryTest), rounded up. */
    static final long IDLE_CONNECTION_BYTES = 5 * 1024;
    /** Added by a request in flight: read and write buffers and header tables (docs/configuration.md). */
    static final long IN_FLIGHT_BYTES = 25 * 1024;
    /** Requests in flight the sizing allows for (the pool of 8 bounds the database work among them). */
    static final long IN_FLIGHT = 500;
    /** The service's live heap at rest, after start-up and a few hundred requests (jcmd GC.heap_info). */
    static final long BASELINE_HEAP = 12L << 20;
    /** Resident memory outside the heap at rest: 110 MiB RSS less 56 MiB committed heap (measured). */
    static final long NON_HEAP = 54L << 20;

    static JsonNode deployment;
    static JsonNode service;
    static JsonNode container;
    static Settings settings;

    @BeforeAll
    static void read() throws IOException {
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(MANIFEST.toFile())) {
            for (JsonNode doc : docs.readAll()) {
                switch (doc.path("kind").asText()) {
                    case "Deployment" -> deployment = doc;
                    case "Service" -> service = doc;
                    default -> throw new AssertionError("unexpected " + doc.path("kind"));
                }
            }
        }
        container = deployment.at("/spec/template/spec/containers/0");
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        settings = Shipped.settings(env);
    }

    private static int namedPort(String name) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    @Test
    void probesHitTheHealthEndpointsOnTheServicesPort() {
        assertEquals(settings.server().port(), namedPort("http"));
        HealthConfig health = HealthConfig.defaults();
        Map<String, String> paths = Map.of("livenessProbe", health.livePath(), "startupProbe", health.livePath(),
                "readinessProbe", health.readyPath());
        paths.forEach((probe, path) -> {
            JsonNode get = container.at("/" + probe + "/httpGet");
            assertEquals(path, get.path("path").asText(), probe);
            assertEquals(settings.server().port(), namedPort(get.path("port").asText()), probe);
        });
        // A slow database check answers DOWN within its own timeout, before the probe gives up.
        assertTrue(container.at("/readinessProbe/timeoutSeconds").asLong() > health.checkTimeout().toSeconds());
        assertEquals(String.valueOf(settings.server().port()),
                deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
    }

    @Test
    void theGracePeriodOutlastsPreStopDrainAndShutdownTimeout() {
        List<String> preStop = List.of(new YAMLMapper().convertValue(container.at("/lifecycle/preStop/exec/command"), String[].class));
        assertEquals("sleep", preStop.getFirst());
        long sleep = Long.parseLong(preStop.get(1));
        ServerConfig server = settings.server();
        long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        long needed = sleep + server.drainDelay().toSeconds() + server.shutdownTimeout().toSeconds();
        assertTrue(grace > needed, "terminationGracePeriodSeconds " + grace + " <= " + needed);
        assertTrue(server.drainDelay().toSeconds() > 0, "a drain for balancers that probe readiness themselves");
    }

    @Test
    void thePodRunsAsTheImagesUnprivilegedUser() {
        String imageUser = Containerfile.read(Shipped.DEPLOY.resolve("Containerfile")).one("USER").arguments();
        JsonNode pod = deployment.at("/spec/template/spec/securityContext");
        assertTrue(pod.path("runAsNonRoot").asBoolean());
        assertEquals(imageUser, pod.path("runAsUser").asText() + ":" + pod.path("runAsGroup").asText());
        assertEquals(false, container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
    }

    @Test
    void theMemoryLimitHoldsMaxConnectionsWithRoomForTheCollector() {
        long limit = mebibytes(container.at("/resources/limits/memory").asText());
        assertEquals(limit, mebibytes(container.at("/resources/requests/memory").asText()), "request = limit: never OOM-killed for a neighbour");
        String percentage = Containerfile.read(Shipped.DEPLOY.resolve("Containerfile")).one("ENTRYPOINT").execForm().stream()
                .filter(f -> f.startsWith("-XX:MaxRAMPercentage=")).findFirst().orElseThrow();
        long heap = (long) (limit * Double.parseDouble(percentage.substring(percentage.indexOf('=') + 1)) / 100);
        long live = BASELINE_HEAP + settings.server().maxConnections() * IDLE_CONNECTION_BYTES + IN_FLIGHT * IN_FLIGHT_BYTES;
        assertTrue(heap >= 2 * live, "heap " + (heap >> 20) + " MiB < 2 x live " + (live >> 20) + " MiB");
        assertTrue(limit - heap >= 2 * NON_HEAP, "outside the heap " + ((limit - heap) >> 20) + " MiB");
    }

    @Test
    void theServiceSelectsThePodsAndTargetsTheirPort() {
        assertEquals(deployment.at("/spec/template/metadata/labels"), service.at("/spec/selector"));
        assertEquals(deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"));
        assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
        assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1));
    }

    @Test
    void kubectlAcceptsItWhereAClusterAnswers() throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed");
        // kubectl needs an API server even for --dry-run=client (to map kinds to resources).
        assumeTrue(run(kubectl.toString(), "version", "--request-timeout=3s") == 0,
                "no Kubernetes API server answers; kubectl cannot check the manifest offline");
        assertEquals(0, run(kubectl.toString(), "apply", "--dry-run=server", "-f", MANIFEST.toString()));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static long mebibytes(String quantity) {
        assertTrue(quantity.endsWith("Mi"), quantity);
        return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << 20;
    }
}
