package dev.aurora.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The client side of one WebSocket connection for tests ({@link AuroraTestClient#websocket}),
 * in-process or over a socket like the client that opened it. It speaks the protocol frame by
 * frame and checks nothing on its own, so tests can also send what a correct client never would:
 * unmasked frames, reserved bits, bad opcodes, broken UTF-8 ({@link #sendFrame(int, byte[], boolean)},
 * {@link #sendRaw(byte[])}).
 *
 * <pre>{@code
 * try (TestWebSocket ws = client.websocket("/echo")) {
 *     ws.send("hi");
 *     assertEquals("hi", ws.receiveText());
 *     assertEquals(1000, ws.close(1000, "done").closeCode());
 * }
 * }</pre>
 *
 * <p>Reads block at most the client's read timeout (then {@link UncheckedIOException}). Not
 * thread-safe: use it from one thread.
 */
public final class TestWebSocket implements AutoCloseable {
    /** Opcodes (RFC 6455 5.2). */
    public static final int CONTINUATION = 0x0;
    /** Text frame. */
    public static final int TEXT = 0x1;
    /** Binary frame. */
    public static final int BINARY = 0x2;
    /** Close frame. */
    public static final int CLOSE = 0x8;
    /** Ping frame. */
    public static final int PING = 0x9;
    /** Pong frame. */
    public static final int PONG = 0xA;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One frame as the server sent it.
     *
     * @param firstByte FIN, RSV1-3 and the opcode, as on the wire
     * @param masked whether the server masked it (it must not)
     * @param payload the payload
     */
    public record Frame(int firstByte, boolean masked, byte[] payload) {
        /**
         * The FIN bit.
         *
         * @return the FIN bit
         */
        public boolean fin() {
            return (firstByte & 0x80) != 0;
        }

        /**
         * The RSV1-3 bits, as 0-7.
         *
         * @return the RSV1-3 bits, as 0-7
         */
        public int rsv() {
            return (firstByte >> 4) & 0x7;
        }

        /**
         * The opcode.
         *
         * @return the opcode
         */
        public int opcode() {
            return firstByte & 0x0F;
        }

        /**
         * The payload as UTF-8 text.
         *
         * @return the payload as UTF-8 text
         */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /**
         * A close frame's code; 1005 when it has none.
         *
         * @return a close frame's code; 1005 when it has none
         */
        public int closeCode() {
            return payload.length < 2 ? 1005 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }

        /**
         * A close frame's reason.
         *
         * @return a close frame's reason
         */
        public String closeReason() {
            return payload.length < 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private final Transport.Stream stream;
    private final InputStream in;
    private final OutputStream out;
    private final TestResponse handshake;
    private byte[] pending;
    /** The server's close frame, once read. */
    private Frame serverClose;

    private TestWebSocket(Transport.Stream stream, TestResponse handshake, byte[] pending) {
        this.stream = stream;
        this.in = stream.input();
        this.out = stream.output();
        this.handshake = handshake;
        this.pending = pending;
    }

    /**
     * Sends the upgrade request for {@code path} with {@code headers} (which may replace the
     * standard ones; a null value leaves one out) and reads the answer.
     *
     * @return the open WebSocket, or null when the answer was not 101 (then {@code refused[0]} holds it)
     */
    static TestWebSocket open(Transport.Stream stream, String path, Map<String, String> headers, TestResponse[] refused)
            throws IOException {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        java.util.LinkedHashMap<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Host", "localhost");
        all.put("Upgrade", "websocket");
        all.put("Connection", "Upgrade");
        all.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key));
        all.put("Sec-WebSocket-Version", "13");
        headers.forEach((name, value) -> {
            all.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (value != null) {
                all.put(name, value);
            }
        });
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        stream.output().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        stream.output().flush();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd;
        while ((headEnd = headEnd(bytes.toByteArray())) < 0) {
            if (!readSome(stream.input(), bytes)) {
                throw new EOFException("The server closed the connection during the handshake: " + bytes);
            }
        }
        byte[] head = Arrays.copyOf(bytes.toByteArray(), headEnd);
        String statusLine = new String(head, 0, Math.max(0, indexOf(head, (byte) '\r')), StandardCharsets.ISO_8859_1);
        if (statusLine.startsWith("HTTP/1.1 101 ")) {
            TestResponse response = ResponseParser.parseFirst(head, true, false).response();
            byte[] all2 = bytes.toByteArray();
            return new TestWebSocket(stream, response, Arrays.copyOfRange(all2, headEnd, all2.length));
        }
        boolean end = false;
        while (true) {
            try {
                refused[0] = ResponseParser.parseFirst(bytes.toByteArray(), false, end).response();
                return null;
            } catch (ResponseParser.Incomplete e) {
                if (end) {
                    throw new EOFException("Incomplete refusal: " + e.getMessage());
                }
                end = !readSome(stream.input(), bytes);
            }
        }
    }

    private static boolean readSome(InputStream in, ByteArrayOutputStream into) throws IOException {
        byte[] chunk = new byte[4096];
        int n = in.read(chunk);
        if (n < 0) {
            return false;
        }
        into.write(chunk, 0, n);
        return true;
    }

    private static int headEnd(byte[] b) {
        for (int i = 3; i < b.length; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The server's {@code 101} response.
     *
     * @return the server's {@code 101} response
     */
    public TestResponse handshake() {
        return handshake;
    }

    /**
     * Sends a text message in one masked frame.
     *
     * @param text the text
     */
    public void send(String text) {
        sendFrame(0x80 | TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Sends a binary message in one masked frame.
     *
     * @param data the payload
     */
    public void send(byte[] data) {
        sendFrame(0x80 | BINARY, data, true);
    }

    /**
     * Sends one frame.
     *
     * @param firstByte FIN, RSV1-3 and opcode, e.g. {@code 0x80 | TEXT}
     * @param payload the payload (any length)
     * @param masked whether to mask it, as a client must
     */
    public void sendFrame(int firstByte, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        long len = payload.length;
        if (len < 126) {
            frame.write(maskBit | (int) len);
        } else if (len < 65536) {
            frame.write(maskBit | 126);
            frame.write((int) (len >>> 8));
            frame.write((int) len);
        } else {
            frame.write(maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) (len >>> (8 * i)));
            }
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            frame.writeBytes(mask);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= mask[i & 3];
            }
        }
        frame.writeBytes(body);
        sendRaw(frame.toByteArray());
    }

    /**
     * Sends bytes exactly as given.
     *
     * @param bytes anything
     */
    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a close frame.
     *
     * @param code the close code
     * @param reason the reason
     * @return the server's close frame: the one already received, or else its answer (data
     *     frames before it are skipped)
     */
    public Frame close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        sendFrame(0x80 | CLOSE, payload, true);
        return serverClose != null ? serverClose : awaitClose();
    }

    /**
     * Reads the next frame, whatever it is.
     *
     * @return the frame
     * @throws UncheckedIOException if the connection ended or the read timed out
     */
    public Frame receiveFrame() {
        try {
            int b0 = readByte();
            int b1 = readByte();
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (long) readByte() << 8 | readByte();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = len << 8 | readByte();
                }
            }
            boolean masked = (b1 & 0x80) != 0;
            byte[] mask = masked ? readBytes(4) : null;
            byte[] payload = readBytes(Math.toIntExact(len));
            if (masked) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            }
            Frame frame = new Frame(b0, masked, payload);
            if (frame.opcode() == CLOSE) {
                serverClose = frame;
            }
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the next data message, joining fragments and skipping pings and pongs.
     *
     * @return its frames' payloads joined, with the first frame's opcode: {@code [opcode, payload]}
     *     as a frame with FIN set
     * @throws AssertionError if a close frame comes first
     */
    public Frame receiveMessage() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        List<Frame> frames = new ArrayList<>();
        while (true) {
            Frame f = receiveFrame();
            if (f.opcode() == PING || f.opcode() == PONG) {
                continue;
            }
            if (f.opcode() == CLOSE) {
                throw new AssertionError("Expected a message, got close " + f.closeCode() + " " + f.closeReason());
            }
            frames.add(f);
            payload.writeBytes(f.payload());
            if (f.fin()) {
                return new Frame(frames.getFirst().firstByte() | 0x80, false, payload.toByteArray());
            }
        }
    }

    /**
     * The next text message.
     *
     * @return the next text message
     */
    public String receiveText() {
        Frame m = receiveMessage();
        if (m.opcode() != TEXT) {
            throw new AssertionError("Expected a text message, got opcode " + m.opcode());
        }
        return m.text();
    }

    /**
     * The next binary message.
     *
     * @return the next binary message
     */
    public byte[] receiveBinary() {
        Frame m = receiveMessage();
        if (m.opcode() != BINARY) {
            throw new AssertionError("Expected a binary message, got opcode " + m.opcode());
        }
        return m.payload();
    }

    /**
     * Reads until the server's close frame, skipping anything before it.
     *
     * @return the close frame
     */
    public Frame awaitClose() {
        while (true) {
            Frame f = receiveFrame();
            if (f.opcode() == CLOSE) {
                return f;
            }
        }
    }

    /**
     * Reads on, expecting the server to end the connection (as it must after the close handshake).
     *
     * @return whether the connection ended with no more bytes
     */
    public boolean connectionEnded() {
        try {
            return pending.length == 0 && in.read() < 0;
        } catch (IOException e) {
            return e instanceof java.net.SocketException;
        }
    }

    private int readByte() throws IOException {
        if (pending.length > 0) {
            int b = pending[0] & 0xFF;
            pending = Arrays.copyOfRange(pending, 1, pending.length);
            return b;
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("The server closed the connection");
        }
        return b;
    }

    private byte[] readBytes(int n) throws IOException {
        byte[] b = new byte[n];
        int done = 0;
        while (done < n && pending.length > 0) {
            b[done++] = (byte) readByte();
        }
        while (done < n) {
            int k = in.read(b, done, n - done);
            if (k < 0) {
                throw new EOFException("The server closed the connection inside a frame");
            }
            done += k;
        }
        return b;
    }

    /** Closes the connection without a close handshake (a client that vanishes). */
    @Override
    public void close() {
        stream.close();
    }
}
