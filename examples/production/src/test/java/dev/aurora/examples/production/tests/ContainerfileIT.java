package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.examples.production.tests.Containerfile.Instruction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of deploy/Containerfile on a machine with no container engine (no daemon,
 * and no registry to pull the base images from): the files it copies exist after the Maven build,
 * its port, user and stop signal fit the service, and its run stage, replayed into a directory
 * that stands for {@code /app}, starts the service with the ENTRYPOINT's own command line.
 */
class ContainerfileIT {
    static final Path REPO = PackagedApp.MODULE.getParent().getParent();
    static final Containerfile FILE = Containerfile.read(PackagedApp.MODULE.resolve("deploy/Containerfile"));
    /** The build stage's WORKDIR, into which it copies the repository. */
    static final String BUILD_ROOT = "/src/";
    /** The run stage's WORKDIR. */
    static final String APP = "/app";

    @TempDir
    Path dir;

    @Test
    void buildsWithTheWrapperOnAJdkAndRunsOnAJreAsANonRootUser() {
        List<Instruction> stages = FILE.all("FROM");
        assertEquals(2, stages.size());
        assertTrue(stages.get(0).arguments().matches(".*eclipse-temurin:25-jdk AS build"), stages.get(0).arguments());
        assertTrue(stages.get(1).arguments().endsWith("eclipse-temurin:25-jre"), stages.get(1).arguments());
        assertTrue(FILE.instructions().stream().anyMatch(i -> i.stage() == 0 && i.keyword().equals("RUN")
                && i.arguments().startsWith("./mvnw ") && i.arguments().contains("-pl examples/production -am")));
        String user = FILE.one("USER").arguments();
        assertNotEquals("root", user);
        assertTrue(!user.startsWith("0:") && !user.equals("0"), user);
        String uid = user.split(":")[0];
        assertTrue(FILE.all("RUN").stream().anyMatch(r -> r.stage() == 1 && r.arguments().contains("--uid " + uid)),
                "the image creates the user it runs as");
        assertEquals("SIGTERM", FILE.one("STOPSIGNAL").arguments());
    }

    @Test
    void theExposedPortIsTheConfiguredOne() {
        assertEquals(String.valueOf(Shipped.settings(Map.of()).server().port()), FILE.one("EXPOSE").arguments());
    }

    @Test
    void everyFileTheImageCopiesExistsAfterTheBuild() {
        for (Instruction copy : FILE.all("COPY")) {
            Path source = source(copy);
            if (source != null) {
                assertTrue(Files.exists(source), copy + ": " + source + " does not exist after package");
            }
        }
    }

    @Test
    void theRunStagesCommandStartsTheService() throws Exception {
        Path app = runStage(Map.of("AOT_CACHE", "false"));
        assertEquals("", Files.readString(app.resolve("jvm.options")), "no AOT cache, no options");
        serves(app, List.of());
    }

    @Test
    @Tag("deploy")
    void withTheAotCacheTheTrainingRunWritesACacheTheServiceStartsFrom() throws Exception {
        Path app = runStage(Map.of("AOT_CACHE", "true"));
        assertTrue(Files.size(app.resolve("app.aot")) > 0);
        // AOTMode=on: fail rather than start without the cache.
        serves(app, List.of("-XX:AOTMode=on"));
    }

    /** Starts ENTRYPOINT + CMD in {@code app}, checks it serves, stops it with SIGTERM. */
    private static void serves(Path app, List<String> extraJvmFlags) throws Exception {
        List<String> command = new ArrayList<>();
        for (String word : FILE.one("ENTRYPOINT").execForm()) {
            command.add(local(word, app));
        }
        command.set(0, PackagedApp.JAVA);
        command.addAll(1, extraJvmFlags);
        FILE.one("CMD").execForm().forEach(word -> command.add(local(word, app)));
        try (PackagedApp service = PackagedApp.start(command, app, Map.of());
                HttpClient http = HttpClient.newHttpClient()) {
            URI base = URI.create(service.awaitListening());
            for (String path : List.of("/health/live", "/health/ready", "/notes")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path + ": " + r.body());
            }
            assertEquals(143, service.stop(), service.toString());
        }
    }

    /**
     * Replays the run stage into a directory standing for {@code /app}: its COPY instructions, and
     * the RUN that writes jvm.options (the user is not created: that needs root and the image's
     * own /etc).
     */
    private Path runStage(Map<String, String> buildArgs) throws IOException, InterruptedException {
        Path app = Files.createDirectory(dir.resolve("app"));
        for (Instruction i : FILE.instructions()) {
            if (i.stage() != FILE.runStage()) {
                continue;
            }
            if (i.keyword().equals("COPY")) {
                List<String> words = i.words();
                copy(source(i), resolve(app, words.getLast()));
            } else if (i.keyword().equals("RUN") && i.arguments().contains("jvm.options")) {
                run(local(i.arguments(), app), app, buildArgs);
            }
        }
        return app;
    }

    /** {@return where a COPY's source is on this machine: the build stage's output, or the build context} */
    private static Path source(Instruction copy) {
        List<String> words = copy.words();
        if (words.getFirst().equals("--from=build")) {
            String path = words.get(1);
            assertTrue(path.startsWith(BUILD_ROOT), path);
            return REPO.resolve(path.substring(BUILD_ROOT.length()));
        }
        // The build stage's "COPY . ." is the context itself.
        return copy.stage() == FILE.runStage() ? REPO.resolve(words.getFirst()) : null;
    }

    private static Path resolve(Path app, String destination) {
        return destination.startsWith(APP + "/") ? app.resolve(destination.substring(APP.length() + 1)) : app.resolve(destination);
    }

    private static String local(String text, Path app) {
        return text.replace(APP + "/", app + "/");
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    /** Runs a RUN line with /bin/sh, the build arguments in its environment and this JDK's java first on PATH. */
    private static void run(String script, Path app, Map<String, String> buildArgs) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(app.resolve("run.log").toFile());
        builder.environment().putAll(buildArgs);
        builder.environment().put("PATH", Path.of(PackagedApp.JAVA).getParent() + ":" + System.getenv("PATH"));
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "RUN did not finish: " + script);
        assertEquals(0, p.exitValue(), script + "\n" + Files.readString(app.resolve("run.log")));
    }
}
