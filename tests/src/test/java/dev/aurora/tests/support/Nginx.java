package dev.aurora.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx (Debian's {@code nginx-light} is enough) as a reverse proxy in front of Aurora instances,
 * the way production runs it: HTTP/1.1 to the upstreams with a keep-alive pool, passive health
 * checks only ({@code max_fails=1 fail_timeout=1s}: a refused connect takes an instance out of
 * rotation for a second, and the request is retried on another one). Runs in the foreground from a
 * temporary prefix directory that {@link #close} deletes.
 */
public final class Nginx implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"),
            Path.of("/usr/local/sbin/nginx"), Path.of("/usr/local/nginx/sbin/nginx"));

    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /** The nginx binary, or null when it is not installed. */
    public static Path binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Starts nginx on a free port, proxying to {@code upstreamPorts} on 127.0.0.1, and waits until it listens. */
    public static Nginx start(List<Integer> upstreamPorts) throws IOException, InterruptedException {
        Path binary = binary();
        if (binary == null) {
            throw new IOException("nginx is not installed (Debian: apt-get install nginx-light)");
        }
        Path prefix = Files.createTempDirectory("aurora-nginx");
        int port = freePort();
        StringBuilder servers = new StringBuilder();
        for (int p : upstreamPorts) {
            servers.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=1s;\n");
        }
        // As root, workers would run as nobody, who cannot enter the private prefix directory.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String conf = user + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream aurora {
                %2$s    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://aurora;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """.formatted(prefix, servers, port);
        Files.writeString(prefix.resolve("nginx.conf"), conf);
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c",
                prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!nginx.listening()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                String log = nginx.log();
                nginx.close();
                throw new IOException("nginx did not start: " + log);
            }
            Thread.sleep(20); // polling a child process's port; nothing to be notified by
        }
        return nginx;
    }

    public int port() {
        return port;
    }

    /** nginx's own output and error log, for failure messages. */
    public String log() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            try {
                sb.append(Files.readString(prefix.resolve(name)));
            } catch (IOException e) {
                // not written yet
            }
        }
        return sb.toString();
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free right now (for a server started afterwards on it). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
