package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aurora.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random testing of the request parsers.
 *
 * <p>(a) Valid requests (random methods, targets, fields, Content-Length or chunked bodies),
 * pipelined 1-5 per stream and delivered in random pieces, must parse to exactly what was generated.
 * (b) Mutated requests (flipped, inserted, deleted bytes; CR, LF, NUL, SP, HTAB; duplicated or
 * injected framing fields; case changes in Transfer-Encoding) must end in a parsed request, a
 * {@link ProtocolException} or an {@link EOFException}, nothing else; and no accepted head may carry
 * both Transfer-Encoding and Content-Length or a Transfer-Encoding whose last coding is not chunked.
 *
 * <p>Every iteration has its own seed, printed on failure; rerun one with
 * {@code -Daurora.fuzz.seed=<seed> -Daurora.fuzz.iterations=1}.
 */
class RandomizedParserTest {
    private static final long BASE_SEED = Long.getLong("aurora.fuzz.seed", 0xA0_2024_5EEDL);
    private static final int ITERATIONS = Integer.getInteger("aurora.fuzz.iterations", 2_000);
    private static final int BATCH = 500;

    private static final ServerConfig CONFIG = ServerConfig.defaults()
            .withMaxRequestLineLength(1024)
            .withMaxHeaderSize(4096)
            .withMaxHeaderCount(50)
            .withMaxBodySize(1 << 20);

    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "get", "Post"};

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void validRequestsParseToExactlyWhatWasGenerated() {
        runBatches(BASE_SEED, ITERATIONS, RandomizedParserTest::validStream);
    }

    @Test
    void mutatedRequestsAreRefusedCleanlyAndNeverSmuggled() {
        Stats stats = new Stats();
        runBatches(BASE_SEED ^ 0x5DEECE66DL, 2 * ITERATIONS, seed -> mutatedStream(seed, stats));
        // The run is only meaningful if mutations both get through and get refused.
        assertTrue(stats.acceptedChunked > 0 && stats.acceptedFixed > 0 && stats.refused > 0 && stats.eof > 0,
                stats::toString);
    }

    @Test
    @Tag("stress")
    void validRequestsStress() {
        runBatches(BASE_SEED + 1_000_003, 100 * ITERATIONS, RandomizedParserTest::validStream);
    }

    @Test
    @Tag("stress")
    void mutatedRequestsStress() {
        runBatches((BASE_SEED ^ 0x5DEECE66DL) + 1_000_003, 200 * ITERATIONS, seed -> mutatedStream(seed, new Stats()));
    }

    private interface Iteration {
        void run(long seed) throws Exception;
    }

    /** Runs {@code count} iterations with seeds {@code base, base+1, ...}, each batch under a time limit. */
    private static void runBatches(long base, int count, Iteration iteration) {
        for (int from = 0; from < count; from += BATCH) {
            int start = from;
            int end = Math.min(count, from + BATCH);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = start; i < end; i++) {
                    long seed = base + i;
                    try {
                        iteration.run(seed);
                    } catch (AssertionError e) {
                        throw new AssertionError("seed " + seed + " (base " + base + ", iteration " + i + "): "
                                + e.getMessage(), e);
                    }
                }
            }, () -> "batch starting at seed " + (base + start) + " did not terminate");
        }
    }

    // ---- (a) valid requests -------------------------------------------------------------------

    /** One generated request, and what the parser must report for it. */
    private static final class Req {
        String method;
        int minor;
        String target;
        String path;
        String query;
        String authority;
        boolean asterisk;
        final List<String[]> fields = new ArrayList<>();
        BodyFraming bodyKind = BodyFraming.NONE;
        long contentLength = -1;
        byte[] body = new byte[0];
        boolean keepAlive;
        boolean expectContinue;
        byte[] wire;
    }

    private static void validStream(long seed) throws IOException {
        Random r = new Random(seed);
        int count = 1 + r.nextInt(5);
        List<Req> reqs = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Req req = generate(r);
            reqs.add(req);
            stream.writeBytes(req.wire);
        }
        byte[] wire = stream.toByteArray();
        InputBuffer in = Wire.buffer(randomPieces(wire, r), CONFIG);
        RequestHead head = new RequestHead(CONFIG.maxHeaderCount());
        for (int i = 0; i < reqs.size(); i++) {
            Req req = reqs.get(i);
            String where = "request " + i + " of " + Wire.escape(wire);
            Wire.Parsed p = Wire.next(in, head, CONFIG);
            if (p.status != 0) {
                fail(where + ": status " + p.status + (p.error == null ? "" : " " + p.error.getMessage()));
            }
            assertEquals(req.method, p.method(), where);
            assertEquals(req.minor, head.minorVersion(), where);
            assertEquals(req.target, p.target(), where);
            assertEquals(req.asterisk, head.asteriskForm(), where);
            if (!req.asterisk) {
                assertEquals(req.path, p.path(), where);
            }
            assertEquals(req.query, p.query(), where);
            assertEquals(req.authority, p.authority(), where);
            assertEquals(req.fields.size(), head.headerCount(), where);
            for (int f = 0; f < req.fields.size(); f++) {
                assertEquals(req.fields.get(f)[0], p.name(f), where);
                assertEquals(req.fields.get(f)[1], p.value(f), where);
            }
            assertEquals(req.bodyKind, head.bodyFraming(), where);
            assertEquals(req.contentLength, head.contentLength(), where);
            assertEquals(req.keepAlive, head.keepAlive(), where);
            assertEquals(req.expectContinue, head.expectContinue(), where);
            BodyStream body = switch (head.bodyFraming()) {
                case LENGTH -> Wire.fixed(in, head.contentLength());
                case CHUNKED -> Wire.chunked(in, CONFIG);
                default -> BodyStream.EMPTY;
            };
            assertArrayEquals(req.body, readRandomly(body, r), where);
            assertEquals(true, body.finished(), where);
        }
        assertEquals(Wire.EOF, Wire.next(in, head, CONFIG).status, "nothing after the last request");
    }

    private static Req generate(Random r) {
        Req req = new Req();
        req.minor = r.nextInt(6) == 0 ? 0 : 1;
        String version = req.minor == 0 ? "HTTP/1.0" : (r.nextInt(20) == 0 ? "HTTP/1.7" : "HTTP/1.1");
        req.method = r.nextInt(5) == 0 ? token(r, 1, 12) : METHODS[r.nextInt(METHODS.length)];

        String host = r.nextInt(10) == 0 ? "" : hostValue(r);
        int form = r.nextInt(10);
        if (form == 0) {
            req.method = "OPTIONS";
            req.target = "*";
            req.asterisk = true;
            req.path = "*";
        } else if (form == 1) {
            String authority = regName(r) + (r.nextBoolean() ? ":" + r.nextInt(65536) : "");
            req.path = r.nextInt(4) == 0 ? "" : path(r);
            req.query = r.nextBoolean() ? query(r) : null;
            String scheme = r.nextBoolean() ? "http" : (r.nextBoolean() ? "https" : "HTTP");
            req.target = scheme + "://" + authority + req.path + (req.query == null ? "" : "?" + req.query);
            req.authority = authority;
        } else {
            req.path = path(r);
            req.query = r.nextInt(3) == 0 ? query(r) : null;
            req.target = req.path + (req.query == null ? "" : "?" + req.query);
        }

        // Field lines: [name on the wire, value on the wire (with OWS), value expected].
        List<String[]> lines = new ArrayList<>();
        boolean hasHost = req.minor == 1 || r.nextBoolean();
        if (hasHost) {
            lines.add(field(r, pick(r, "Host", "host", "HOST"), host));
            if (req.authority == null) {
                req.authority = host;
            }
        }
        int extras = r.nextInt(8);
        for (int i = 0; i < extras; i++) {
            lines.add(field(r, "X-" + token(r, 1, 10), fieldValue(r)));
        }
        boolean close = false;
        boolean keepAliveToken = false;
        if (r.nextInt(4) == 0) {
            String value = pick(r, "close", "keep-alive", "foo, close", "Keep-Alive", "upgrade", "TE, close");
            String lower = value.toLowerCase(Locale.ROOT);
            close = lower.contains("close");
            keepAliveToken = lower.contains("keep-alive");
            lines.add(field(r, pick(r, "Connection", "connection"), value));
        }
        if (r.nextInt(8) == 0) {
            lines.add(field(r, "Expect", pick(r, "100-continue", "100-Continue")));
            req.expectContinue = true;
        }
        req.keepAlive = !close && (req.minor == 1 || keepAliveToken);

        int kind = r.nextInt(req.minor == 1 ? 4 : 3);
        byte[] bodyWire = new byte[0];
        if (kind == 1 || kind == 2) {
            int length = kind == 1 ? 0 : 1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 200);
            req.body = randomBytes(r, length);
            req.contentLength = length;
            req.bodyKind = length == 0 ? BodyFraming.NONE : BodyFraming.LENGTH;
            String value = (r.nextInt(8) == 0 ? "00" : "") + length;
            switch (r.nextInt(6)) {
                case 0 -> lines.add(field(r, "Content-Length", value + ", " + length));
                case 1 -> {
                    lines.add(field(r, "Content-Length", value));
                    lines.add(field(r, "content-length", Integer.toString(length)));
                }
                default -> lines.add(field(r, pick(r, "Content-Length", "content-length", "CONTENT-LENGTH"), value));
            }
            bodyWire = req.body;
        } else if (kind == 3) {
            req.body = randomBytes(r, r.nextInt(r.nextInt(10) == 0 ? 3000 : 300));
            req.bodyKind = BodyFraming.CHUNKED;
            lines.add(field(r, pick(r, "Transfer-Encoding", "transfer-encoding"),
                    pick(r, "chunked", "Chunked", "CHUNKED", ", chunked", "chunked ,")));
            bodyWire = chunkedWire(r, req.body);
        }

        Collections.shuffle(lines, r);
        StringBuilder head = new StringBuilder();
        for (int i = r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0; i > 0; i--) {
            head.append("\r\n");
        }
        head.append(req.method).append(' ').append(req.target).append(' ').append(version).append("\r\n");
        for (String[] line : lines) {
            head.append(line[0]).append(':').append(line[1]).append("\r\n");
            req.fields.add(new String[] {line[0], line[2]});
        }
        head.append("\r\n");
        byte[] headBytes = Wire.bytes(head.toString());
        req.wire = new byte[headBytes.length + bodyWire.length];
        System.arraycopy(headBytes, 0, req.wire, 0, headBytes.length);
        System.arraycopy(bodyWire, 0, req.wire, headBytes.length, bodyWire.length);
        return req;
    }

    /** A field with random optional whitespace around its value. */
    private static String[] field(Random r, String name, String value) {
        return new String[] {name, ows(r) + value + ows(r), value};
    }

    private static byte[] chunkedWire(Random r, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int n = Math.min(body.length - at, 1 + r.nextInt(r.nextBoolean() ? 16 : 400));
            out.writeBytes(Wire.bytes(chunkSize(r, n) + chunkExt(r) + "\r\n"));
            out.write(body, at, n);
            out.writeBytes(Wire.bytes("\r\n"));
            at += n;
        }
        out.writeBytes(Wire.bytes(chunkSize(r, 0) + chunkExt(r) + "\r\n"));
        for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; i > 0; i--) {
            out.writeBytes(Wire.bytes("T-" + token(r, 1, 6) + ":" + ows(r) + fieldValue(r) + ows(r) + "\r\n"));
        }
        out.writeBytes(Wire.bytes("\r\n"));
        return out.toByteArray();
    }

    private static String chunkSize(Random r, int n) {
        String hex = Integer.toHexString(n);
        if (r.nextBoolean()) {
            hex = hex.toUpperCase(Locale.ROOT);
        }
        return (r.nextInt(8) == 0 ? "0".repeat(1 + r.nextInt(3)) : "") + hex;
    }

    private static String chunkExt(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> ";" + token(r, 1, 5);
            case 1 -> ";" + token(r, 1, 5) + "=" + token(r, 1, 5);
            case 2 -> " ;" + token(r, 1, 3) + "=\"q; v\"";
            default -> "";
        };
    }

    private static byte[] readRandomly(BodyStream body, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[r.nextBoolean() ? 1 + r.nextInt(16) : 9000];
        while (true) {
            int n = body.read(buf, 0, 1 + r.nextInt(buf.length));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buf, 0, n);
        }
    }

    // ---- (b) mutated requests -----------------------------------------------------------------

    /** What the mutated streams ended in. */
    private static final class Stats {
        long acceptedChunked;
        long acceptedFixed;
        long acceptedNone;
        long refused;
        long eof;

        @Override
        public String toString() {
            return "accepted heads: " + acceptedChunked + " chunked, " + acceptedFixed + " fixed, " + acceptedNone
                    + " without body; refused: " + refused + "; EOFException: " + eof;
        }
    }

    private static void mutatedStream(long seed, Stats stats) {
        Random r = new Random(seed);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            stream.writeBytes(generate(r).wire);
        }
        byte[] wire = stream.toByteArray();
        for (int m = 1 + r.nextInt(3); m > 0; m--) {
            wire = mutate(r, wire);
        }
        byte[] input = wire;
        InputBuffer in = Wire.buffer(randomPieces(input, r), CONFIG);
        RequestHead head = new RequestHead(CONFIG.maxHeaderCount());
        HeadReader reader = new HeadReader(CONFIG);
        int accepted = 0;
        try {
            while (reader.read(in, head, Wire.farDeadline())) {
                if (head.refusal() != null) {
                    // Answered after routing without reading the body; the connection then closes.
                    stats.refused++;
                    return;
                }
                checkAcceptedHead(in, head, input);
                accepted++;
                switch (head.bodyFraming()) {
                    case CHUNKED -> stats.acceptedChunked++;
                    case LENGTH -> stats.acceptedFixed++;
                    default -> stats.acceptedNone++;
                }
                if (accepted > input.length) {
                    fail("no progress on " + Wire.escape(input));
                }
                BodyStream body = switch (head.bodyFraming()) {
                    case LENGTH -> Wire.fixed(in, head.contentLength());
                    case CHUNKED -> Wire.chunked(in, CONFIG);
                    default -> BodyStream.EMPTY;
                };
                readRandomly(body, r);
            }
        } catch (ProtocolException refused) {
            stats.refused++;
        } catch (EOFException truncated) {
            stats.eof++;
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            AssertionError e = new AssertionError("unexpected " + t + " on " + Wire.escape(input));
            e.initCause(t);
            throw e;
        }
    }

    /** The smuggling invariants: checked on the raw field lines of every accepted head. */
    private static void checkAcceptedHead(InputBuffer in, RequestHead head, byte[] input) {
        Wire.Parsed p = new Wire.Parsed(in, head, 0, null);
        boolean te = false;
        boolean cl = false;
        List<String> codings = new ArrayList<>();
        int hosts = 0;
        for (int i = 0; i < head.headerCount(); i++) {
            String name = p.name(i);
            String value = p.value(i);
            if (name.isEmpty() || !name.chars().allMatch(c -> c < 128 && TCHARS.indexOf(c) >= 0)) {
                fail("accepted a non-token field name " + Wire.escape(name) + " in " + Wire.escape(input));
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if ((ch < 0x20 && ch != '\t') || ch == 0x7F) {
                    fail("accepted a control character in " + Wire.escape(value) + " in " + Wire.escape(input));
                }
            }
            if (!value.isEmpty() && (isOws(value.charAt(0)) || isOws(value.charAt(value.length() - 1)))) {
                fail("value not trimmed: " + Wire.escape(value));
            }
            if (name.equalsIgnoreCase("transfer-encoding")) {
                te = true;
                for (String coding : value.split(",", -1)) {
                    String c = trimOws(coding);
                    if (!c.isEmpty()) {
                        codings.add(c);
                    }
                }
            } else if (name.equalsIgnoreCase("content-length")) {
                cl = true;
            } else if (name.equalsIgnoreCase("host")) {
                hosts++;
            }
        }
        String where = " in accepted head of " + Wire.escape(input);
        if (te && cl) {
            fail("both Transfer-Encoding and Content-Length" + where);
        }
        if (te) {
            if (codings.isEmpty() || !codings.get(codings.size() - 1).equalsIgnoreCase("chunked")) {
                fail("Transfer-Encoding " + codings + " does not end in chunked" + where);
            }
            if (codings.size() != 1) {
                fail("Transfer-Encoding " + codings + " accepted" + where);
            }
            if (head.minorVersion() == 0) {
                fail("Transfer-Encoding in HTTP/1.0" + where);
            }
            assertEquals(BodyFraming.CHUNKED, head.bodyFraming(), where);
        } else if (cl) {
            assertEquals(head.contentLength() == 0 ? BodyFraming.NONE : BodyFraming.LENGTH, head.bodyFraming(),
                    where);
            if (head.contentLength() < 0 || head.contentLength() > CONFIG.maxBodySize()) {
                fail("Content-Length " + head.contentLength() + where);
            }
        } else {
            assertEquals(BodyFraming.NONE, head.bodyFraming(), where);
        }
        if (hosts > 1 || (head.minorVersion() == 1 && hosts != 1)) {
            fail(hosts + " Host fields" + where);
        }
        String method = head.method();
        if (method.isEmpty() || !method.chars().allMatch(c -> c < 128 && TCHARS.indexOf(c) >= 0)) {
            fail("non-token method " + Wire.escape(method) + where);
        }
    }

    private static String trimOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isOws(s.charAt(start))) {
            start++;
        }
        while (end > start && isOws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static final String[] INJECTED = {
            "Transfer-Encoding: chunked", "Content-Length: 0", "Content-Length: 5", "Transfer-Encoding: xchunked",
            "Transfer-Encoding:  chunked", "Transfer-Encoding: chunked, identity", "Transfer-Encoding: gzip",
            "Transfer-Encoding : chunked", "Transfer-Encoding:\u000bchunked", " Transfer-Encoding: chunked",
            "Transfer-Encoding: \"chunked\"", "Content-Length: +5", "Content-Length: 5, 6", "Content-Length:",
            "transfer-encoding: CHUNKED", "Transfer-Encoding:\tchunked", "Content-Length: 99999999999999999999",
            "Host: evil.example", "Expect: 100-continue", "Connection: close"};

    private static byte[] mutate(Random r, byte[] wire) {
        List<Byte> b = new ArrayList<>(wire.length + 64);
        for (byte x : wire) {
            b.add(x);
        }
        int at = b.isEmpty() ? 0 : r.nextInt(b.size());
        switch (r.nextInt(10)) {
            case 0 -> {
                if (!b.isEmpty()) {
                    b.set(at, (byte) (b.get(at) ^ (1 << r.nextInt(8))));
                }
            }
            case 1 -> b.add(r.nextInt(b.size() + 1), (byte) r.nextInt(256));
            case 2 -> {
                if (!b.isEmpty()) {
                    b.remove(at);
                }
            }
            case 3 -> b.add(r.nextInt(b.size() + 1), (byte) "\r\n\u0000 \t,:;\"".charAt(r.nextInt(9)));
            case 4 -> {
                // Duplicate a framing line (possibly with another value), or inject one.
                int[] line = findLine(wire, r, "content-length", "transfer-encoding");
                String text = line == null ? pick(r, INJECTED) : Wire.latin1(wire, line[0], line[1] - line[0]);
                if (line != null && r.nextBoolean()) {
                    text = text.substring(0, text.indexOf(':') + 1) + " " + pick(r, "7", "0", "chunked", "gzip, chunked",
                            "chunked, chunked", "5, 5");
                }
                insertLine(b, wire, r, text);
            }
            case 5 -> {
                // Case changes in Transfer-Encoding (name and value).
                int[] line = findLine(wire, r, "transfer-encoding");
                if (line != null) {
                    for (int i = line[0]; i < line[1]; i++) {
                        byte c = wire[i];
                        if (Character.isLetter(c) && r.nextBoolean()) {
                            b.set(i, (byte) (c ^ 0x20));
                        }
                    }
                } else {
                    insertLine(b, wire, r, "Transfer-Encoding: " + pick(r, "Chunked", "cHUNKED", "chunked"));
                }
            }
            case 6 -> insertLine(b, wire, r, pick(r, INJECTED));
            case 7 -> {
                if (!b.isEmpty()) {
                    b.set(at, (byte) r.nextInt(256));
                }
            }
            case 8 -> {
                int cut = r.nextInt(b.size() + 1);
                b.subList(cut, b.size()).clear();
            }
            default -> {
                // Replace a number (a Content-Length or a chunk size) with a weird one.
                int[] line = findLine(wire, r, "content-length");
                if (line != null) {
                    String weird = pick(r, "-1", "+5", "0x5", "5 5", "", "18446744073709551616", "1_0", " 3", "4,");
                    List<Byte> replacement = new ArrayList<>();
                    for (byte x : Wire.bytes("Content-Length: " + weird)) {
                        replacement.add(x);
                    }
                    b.subList(line[0], line[1]).clear();
                    b.addAll(line[0], replacement);
                } else {
                    b.add(r.nextInt(b.size() + 1), (byte) pick(r, "-", "+", "x", "f", "0").charAt(0));
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** [start, end) of a random line whose name is one of {@code names} (case-insensitive), or null. */
    private static int[] findLine(byte[] wire, Random r, String... names) {
        List<int[]> found = new ArrayList<>();
        String text = Wire.latin1(wire, 0, wire.length).toLowerCase(Locale.ROOT);
        for (String name : names) {
            int from = 0;
            int i;
            while ((i = text.indexOf("\r\n" + name + ":", from)) >= 0) {
                int start = i + 2;
                int end = text.indexOf("\r\n", start);
                found.add(new int[] {start, end < 0 ? text.length() : end});
                from = start;
            }
        }
        return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
    }

    /** Inserts {@code text} CRLF at the start of a random line after the first one. */
    private static void insertLine(List<Byte> b, byte[] original, Random r, String text) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i < original.length && i <= b.size(); i++) {
            if (original[i - 1] == '\n') {
                starts.add(i);
            }
        }
        int at = starts.isEmpty() ? b.size() : starts.get(r.nextInt(starts.size()));
        byte[] line = Wire.bytes(text + "\r\n");
        for (int i = line.length - 1; i >= 0; i--) {
            b.add(Math.min(at, b.size()), line[i]);
        }
    }

    // ---- generators ---------------------------------------------------------------------------

    /** Delivers {@code data} in reads of random size (1-64 bytes, sometimes everything at once). */
    private static ByteSource randomPieces(byte[] data, Random r) {
        long pieceSeed = r.nextLong();
        boolean whole = r.nextInt(4) == 0;
        int maxPiece = 1 + r.nextInt(64);
        return new ByteSource() {
            private final Random pieces = new Random(pieceSeed);
            private int at;

            @Override
            public int read(byte[] b, int off, int len, int timeoutMillis) {
                if (at == data.length) {
                    return -1;
                }
                int n = Math.min(len, data.length - at);
                if (!whole) {
                    n = Math.min(n, 1 + pieces.nextInt(maxPiece));
                }
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String token(Random r, int min, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = min + r.nextInt(max - min + 1); i > 0; i--) {
            sb.append(TCHARS.charAt(r.nextInt(TCHARS.length())));
        }
        return sb.toString();
    }

    private static String pchars(Random r, int max, String extra) {
        StringBuilder sb = new StringBuilder();
        String allowed = UNRESERVED + SUB_DELIMS + ":@" + extra;
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            if (r.nextInt(12) == 0) {
                sb.append('%').append("0123456789abcdefABCDEF".charAt(r.nextInt(22)))
                        .append("0123456789abcdefABCDEF".charAt(r.nextInt(22)));
            } else {
                sb.append(allowed.charAt(r.nextInt(allowed.length())));
            }
        }
        return sb.toString();
    }

    private static String path(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            sb.append('/').append(pchars(r, 12, ""));
        }
        return sb.toString();
    }

    private static String query(Random r) {
        return pchars(r, 30, "/?");
    }

    private static String regName(Random r) {
        StringBuilder sb = new StringBuilder();
        String label = "abcdefghijklmnopqrstuvwxyz0123456789-";
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            for (int j = 1 + r.nextInt(8); j > 0; j--) {
                sb.append(label.charAt(r.nextInt(label.length())));
            }
        }
        return sb.toString();
    }

    private static String hostValue(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "127.0.0." + r.nextInt(256) + (r.nextBoolean() ? ":" + r.nextInt(65536) : "");
            case 1 -> "[::" + Integer.toHexString(r.nextInt(65536)) + "]" + (r.nextBoolean() ? ":" + r.nextInt(65536) : "");
            default -> regName(r) + (r.nextBoolean() ? ":" + r.nextInt(65536) : "");
        };
    }

    /** A field value without leading or trailing whitespace: VCHAR, obs-text, inner SP and HTAB. */
    private static String fieldValue(Random r) {
        int length = r.nextInt(40);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(20);
            if (kind == 0 && i > 0 && i < length - 1) {
                sb.append(r.nextBoolean() ? ' ' : '\t');
            } else if (kind == 1) {
                sb.append((char) (0x80 + r.nextInt(128)));
            } else {
                sb.append((char) (0x21 + r.nextInt(0x7E - 0x21 + 1)));
            }
        }
        return sb.toString();
    }

    private static String ows(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "";
            case 1 -> "\t";
            case 2 -> "  ";
            case 3 -> " \t ";
            default -> " ";
        };
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
