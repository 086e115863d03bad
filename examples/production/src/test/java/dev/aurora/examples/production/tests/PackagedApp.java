package dev.aurora.examples.production.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged service ({@code target/aurora-example-production.jar} and {@code target/lib}) in a
 * child JVM, as the container and the systemd unit run it. Its standard output, JSON lines, is
 * collected; the port is read from Aurora's "listening" line. {@link #stop} sends SIGTERM, as a
 * process manager does.
 */
final class PackagedApp implements AutoCloseable {
    static final Path MODULE = Shipped.MODULE;
    static final Path JAR = MODULE.resolve("target/aurora-example-production.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Aurora listening on (https?)://[^ ]+:(\\d+)");

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private PackagedApp(Process process) {
        this.process = process;
        outReader = collect(process.getInputStream(), out);
        errReader = collect(process.getErrorStream(), err);
    }

    /** {@code java -jar target/aurora-example-production.jar args...} on loopback with a free port. */
    static PackagedApp jar(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx128m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return start(command, MODULE, env);
    }

    /**
     * Runs {@code command} in {@code directory}; {@code env} adds to this JVM's environment, on top
     * of a loopback host and port 0 (so tests never collide on 8080).
     */
    static PackagedApp start(List<String> command, Path directory, Map<String, String> env) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the *IT tests run after package (failsafe)");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("AURORA_SERVER_HOST", "127.0.0.1");
        builder.environment().put("AURORA_SERVER_PORT", "0");
        builder.environment().putAll(env);
        try {
            return new PackagedApp(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread collect(java.io.InputStream stream, List<String> lines) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    /** Waits for Aurora's "listening" line and returns the base URI it names. */
    String awaitListening() {
        JsonNode line = awaitLog(l -> LISTENING.matcher(l.path("formattedMessage").asText()).find());
        Matcher m = LISTENING.matcher(line.path("formattedMessage").asText());
        m.find();
        return m.group(1) + "://127.0.0.1:" + m.group(2);
    }

    /** Waits up to 60 s (a cold JVM on a busy machine) for a JSON log line that {@code condition} accepts. */
    JsonNode awaitLog(Predicate<JsonNode> condition) {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .failFast("the service exited", () -> ended() && findLog(condition).isEmpty())
                    .until(() -> findLog(condition), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\n" + this, e);
        }
    }

    /** The process ended and all it wrote has been read. */
    private boolean ended() {
        return !process.isAlive() && !outReader.isAlive() && !errReader.isAlive();
    }

    private Optional<JsonNode> findLog(Predicate<JsonNode> condition) {
        return json().stream().filter(condition).findFirst();
    }

    /** Every line of standard output so far, each parsed as JSON (which fails the test if one is not). */
    List<JsonNode> json() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : out) {
            try {
                parsed.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return parsed;
    }

    /** {@return standard error so far} */
    String stderr() {
        return String.join("\n", err);
    }

    /** Sends SIGTERM and waits for the exit. */
    int stop() throws InterruptedException {
        terminate();
        return awaitExit();
    }

    /** Sends SIGTERM, as {@code kill}, systemd and the kubelet do, and returns at once. */
    void terminate() {
        // Through the handle: Process.destroy() would also close the pipes, losing what the
        // shutdown hook logs.
        process.toHandle().destroy();
    }

    /** Waits up to 60 s for the process to end by itself. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the service did not exit within 60 s: " + this);
        }
        outReader.join(Duration.ofSeconds(10));
        errReader.join(Duration.ofSeconds(10));
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public String toString() {
        return "stdout:\n" + String.join("\n", out) + "\nstderr:\n" + stderr();
    }
}
