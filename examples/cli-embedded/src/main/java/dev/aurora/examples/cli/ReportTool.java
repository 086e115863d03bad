package dev.aurora.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A command-line tool that reports on a directory and serves the report on a local port until the
 * user is done:
 *
 * <pre>
 * report-tool [--requests N] [--timeout 10m] [--self-test] [DIRECTORY]
 * </pre>
 *
 * <p>It prints the URL, serves until {@code N} requests were answered, the page's Done button is
 * pressed, or the timeout passes, then stops the server and exits 0. {@code --self-test} fetches the
 * page once itself and exits: what an AOT training run needs (see the README).
 */
public final class ReportTool {
    private ReportTool() {
    }

    public static void main(String[] args) throws Exception {
        long requests = 0;
        Duration timeout = Duration.ofMinutes(10);
        boolean selfTest = false;
        Path dir = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Long.parseLong(value(args, ++i, "--requests"));
                case "--timeout" -> timeout = Duration.parse("PT" + value(args, ++i, "--timeout").toUpperCase());
                case "--self-test" -> selfTest = true;
                default -> dir = Path.of(args[i]);
            }
        }
        if (!Files.isDirectory(dir)) {
            System.err.println("Not a directory: " + dir.toAbsolutePath());
            System.exit(2);
        }
        ReportServer server = new ReportServer(DirectoryReport.of(dir), selfTest ? 1 : requests);
        String url = server.start();
        System.out.println("Report at " + url);
        if (selfTest) {
            System.out.println(firstLine(URI.create(url)));
        }
        boolean done = server.awaitDoneAndStop(timeout);
        System.out.println(done ? "Done." : "Timed out after " + timeout.toSeconds() + " s.");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** One GET over a plain socket: no HTTP client to load for a single request. */
    private static String firstLine(URI url) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, Math.max(0, response.indexOf('\r')));
        }
    }
}
