package dev.aurora.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server's {@code main} in a child JVM on this test's class path, with the JVM flags a test asks
 * for. The main prints {@code PORT <n>} once it listens; what else it prints goes to a file that
 * failure messages can show. {@link #stop} sends SIGTERM, as a process manager would.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code main} with {@code args} and returns once it printed its port. */
    public static ServerProcess start(List<String> jvmFlags, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("aurora-" + main.getSimpleName(), ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The first line is the port; the rest goes to a file a failure message can point at.
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("PORT ")) {
            Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IOException("server exited before listening; its output: " + Files.readString(log));
        }
        int port = Integer.parseInt(line.substring(5).trim());
        Thread drain = Thread.ofPlatform().daemon().start(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    Files.writeString(log, l + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        drain.setName(main.getSimpleName() + "-output");
        return new ServerProcess(p, log, port);
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the server printed, for failure messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /**
     * Sends SIGTERM and waits for the process to end, killing it after {@code patience}.
     *
     * @return its exit code
     */
    public int stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop(Duration.ofSeconds(10));
        Files.deleteIfExists(log);
    }
}
