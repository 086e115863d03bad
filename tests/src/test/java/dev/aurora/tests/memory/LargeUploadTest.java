package dev.aurora.tests.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.tests.support.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * curl {@code -F} uploads of a 50 MiB file to a server whose heap is 32 MiB: held whole, the file
 * could not fit, so success shows the upload streamed; the bytes saved are the bytes sent and no
 * temporary file is left.
 */
class LargeUploadTest {
    private static final long SIZE = 50L << 20;
    private static final String HEAP = "-Xmx32m";

    @TempDir
    Path dir;

    @Test
    void fiftyMebibytesThroughCurlOnA32MebibyteHeap() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        Path spool = Files.createDirectory(dir.resolve("spool"));
        Path saved = Files.createDirectory(dir.resolve("saved"));
        Path source = dir.resolve("big.bin");
        byte[] digest = write(source);
        try (ServerProcess server = ServerProcess.start(List.of(HEAP, "-XX:+UseSerialGC"), UploadServerMain.class,
                spool.toString(), saved.toString())) {
            for (String route : List.of("upload", "stream")) {
                String[] answer = curl(server.port(), route, source).split(" ");
                assertEquals(String.valueOf(SIZE), answer[0], () -> route + ": " + String.join(" ", answer) + "\n" + server.output());
                long peak = Long.parseLong(answer[1]);
                System.out.printf("%s: 50 MiB upload, peak heap %.1f MiB on %s%n", route, peak / 1048576.0, HEAP);
                assertTrue(peak < SIZE / 2, "peak heap " + peak);
                Path file = saved.resolve(route.equals("upload") ? "form-big.bin" : "stream-big.bin");
                assertTrue(MessageDigest.isEqual(digest, sha256(file)), route + ": saved bytes differ");
                try (Stream<Path> left = Files.list(spool)) {
                    assertEquals(0, left.count(), route + ": temporary files left");
                }
            }
            assertTrue(server.alive(), server::output);
        }
    }

    private static String curl(int port, String route, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/curl", "-sS", "--max-time", "120", "-F", "title=big", "-F", "file=@" + file,
                "http://127.0.0.1:" + port + "/" + route).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(130, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Writes {@link #SIZE} pseudo-random bytes; returns their SHA-256. */
    private static byte[] write(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 16];
        java.util.Random random = new java.util.Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                sha.update(block);
                out.write(block);
            }
        }
        return sha.digest();
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] block = new byte[1 << 16];
            for (int n; (n = in.read(block)) > 0; ) {
                sha.update(block, 0, n);
            }
        }
        return sha.digest();
    }
}
