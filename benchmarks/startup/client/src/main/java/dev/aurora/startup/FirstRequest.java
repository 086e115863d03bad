package dev.aurora.startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What every launcher does once its server is up: one GET over a plain {@link Socket} (the same
 * code, hence the same client cost, in every launcher), then the times the script reads.
 *
 * <p>Times are milliseconds since {@code -Dlaunch.epoch.us}, the wall clock the script read with
 * bash's {@code $EPOCHREALTIME} just before it started the JVM: a builtin (no fork of its own), in
 * the same clock as {@link System#currentTimeMillis()}, so the figure covers exec, JVM creation
 * and everything up to the response. {@code ProcessHandle.current().info().startInstant()} would
 * have been the alternative; on Linux it comes from /proc in clock ticks (10 ms).
 */
public final class FirstRequest {
    private static final long LAUNCH_US = Long.parseLong(System.getProperty("launch.epoch.us", "0"));
    private static final String[] MARK_NAMES = new String[8];
    private static final long[] MARK_MS = new long[8];
    private static int marks;

    private FirstRequest() {
    }

    /**
     * Sends {@code GET path} to 127.0.0.1:port, reads the whole response (by its Content-Length),
     * fails unless it is a 200, and prints {@code first-response-ms=}.
     *
     * @param port the server's bound port
     * @param path the request target
     * @throws IOException if the exchange fails or the status is not 200
     */
    public static void get(int port, String path) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String head;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            head = readResponse(socket.getInputStream());
        }
        long ms = sinceLaunch();
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IOException("unexpected response: " + head);
        }
        print("first-response-ms=" + ms);
    }

    /**
     * Notes the time since launch under {@code name}; printed by {@link #mainReturns()}, so the
     * printing stays out of the timed part.
     *
     * @param name what has just finished, e.g. "created"
     */
    public static void mark(String name) {
        MARK_NAMES[marks] = name;
        MARK_MS[marks++] = sinceLaunch();
    }

    /** Prints the marks, then {@code main-return-ms=}: called last in main, after the server has stopped. */
    public static void mainReturns() {
        for (int i = 0; i < marks; i++) {
            print("mark-" + MARK_NAMES[i] + "-ms=" + MARK_MS[i]);
        }
        printSinceLaunch("main-return-ms=");
    }

    static void printSinceLaunch(String key) {
        print(key + sinceLaunch());
    }

    private static long sinceLaunch() {
        return LAUNCH_US == 0 ? -1 : System.currentTimeMillis() - LAUNCH_US / 1000;
    }

    private static void print(String line) {
        PrintStream out = System.out;
        out.println(line);
        out.flush();
    }

    /**
     * Reads the head and then the body by its Content-Length (to end of stream without one), so
     * the time does not depend on when the server closes the connection.
     */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream(256);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head");
            }
            headBytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String head = headBytes.toString(StandardCharsets.ISO_8859_1);
        long length = contentLength(head);
        if (length < 0) {
            in.readAllBytes();
        } else {
            for (long left = length; left > 0; left--) {
                if (in.read() < 0) {
                    throw new IOException("connection closed " + left + " bytes before the body's end");
                }
            }
        }
        return head;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return -1;
    }
}
