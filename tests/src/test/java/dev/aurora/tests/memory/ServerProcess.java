package dev.aurora.tests.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link IdleServerMain} in a child JVM on this test's class path, with the heap flags a test asks for. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServerProcess start(String... jvmFlags) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(IdleServerMain.class.getName());
        Path log = Files.createTempFile("aurora-idle-server", ".log");
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
        drain.setName("idle-server-output");
        return new ServerProcess(p, log, port);
    }

    /** Live heap of the server after two full collections, in bytes (over a connection of its own). */
    long liveHeap() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/heap")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("/heap answered " + r.statusCode() + ": " + r.body());
            }
            return Long.parseLong(r.body());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What the server printed, for failure messages. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}
