package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static dev.aurora.internal.http.Wire.ok;
import static dev.aurora.internal.http.Wire.refuses;
import static dev.aurora.internal.http.Wire.rejects;
import static dev.aurora.internal.http.Wire.unparseable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.ServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header field lines (RFC 9112 section 5, RFC 9110 section 5), Host, Expect, Connection and limits. */
class HeaderFieldTest {
    private static final String LINE_11 = "GET / HTTP/1.1" + CRLF;
    private static final String LINE_10 = "GET / HTTP/1.0" + CRLF;
    private static final String HOST = "Host: example.com" + CRLF;

    /** An HTTP/1.1 request with a Host field followed by {@code fields} (each CRLF-terminated). */
    private static String withFields(String fields) {
        return LINE_11 + HOST + fields + CRLF;
    }

    // ---- names and values ---------------------------------------------------------------------

    @Test
    void namesAreMatchedCaseInsensitivelyAndKeptVerbatim() {
        Wire.Parsed p = ok(LINE_11 + "hOsT: example.com" + CRLF + "content-TYPE: text/plain" + CRLF + CRLF);
        assertEquals("hOsT", p.name(0));
        assertEquals("example.com", p.value(0));
        assertEquals("example.com", p.header("HOST"));
        assertEquals("example.com", p.authority(), "Host is recognised whatever its case");
        assertEquals("content-TYPE", p.name(1));
        assertEquals("text/plain", p.header("Content-Type"));
        assertEquals(2, p.head.headerCount());
    }

    @Test
    void repeatedFieldsAreKeptInOrder() {
        Wire.Parsed p = ok(withFields("X-A: 1" + CRLF + "X-B: 2" + CRLF + "x-a: 3" + CRLF + "X-A: 4" + CRLF));
        assertEquals(List.of("1", "3", "4"), p.values("X-A"));
        assertEquals(List.of("Host", "X-A", "X-B", "x-a", "X-A"),
                List.of(p.name(0), p.name(1), p.name(2), p.name(3), p.name(4)));
    }

    @Test
    void optionalWhitespaceAroundTheValueIsTrimmed() {
        Wire.Parsed p = ok(withFields("X-A: \t a \t b \t " + CRLF + "X-B:tight" + CRLF + "X-C:\t\ttabbed\t" + CRLF));
        assertEquals("a \t b", p.header("X-A"), "inner whitespace is kept");
        assertEquals("tight", p.header("X-B"));
        assertEquals("tabbed", p.header("X-C"));
    }

    @Test
    void emptyValuesAreAllowed() {
        Wire.Parsed p = ok(withFields("X-A:" + CRLF + "X-B:   " + CRLF + "X-C: \t" + CRLF));
        assertEquals("", p.header("X-A"));
        assertEquals("", p.header("X-B"));
        assertEquals("", p.header("X-C"));
    }

    @Test
    void everyTokenCharacterIsAllowedInNames() {
        String name = "!#$%&'*+-.^_`|~09AZaz";
        assertEquals("v", ok(withFields(name + ": v" + CRLF)).header(name));
    }

    @Test
    void everyVisibleCharacterAndObsTextIsAllowedInValues() {
        StringBuilder value = new StringBuilder();
        for (int c = 0x21; c <= 0x7E; c++) {
            value.append((char) c);
        }
        value.append(" \t");
        for (int c = 0x80; c <= 0xFF; c++) {
            value.append((char) c);
        }
        value.append('!');
        assertEquals(value.toString(), ok(withFields("X-All: " + value + CRLF)).header("X-All"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80, 0x9F, 0xA0, 0xC3, 0xFF})
    void obsTextIsAllowed(int octet) {
        String value = "a" + (char) octet + "b";
        assertEquals(value, ok(withFields("X-Obs: " + value + CRLF)).header("X-Obs"));
    }

    // ---- malformed field lines ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {" folded", "\tfolded", "  ", " X-B: 2"})
    void obsoleteLineFoldingIs400(String continuation) {
        rejects(400, withFields("X-A: 1" + CRLF + continuation + CRLF));
    }

    @Test
    void firstFieldLineStartingWithWhitespaceIs400() {
        rejects(400, LINE_11 + " " + HOST + CRLF);
        rejects(400, LINE_11 + "\t" + HOST + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host : example.com", "Host\t: example.com"})
    void whitespaceBeforeTheColonIs400ForHost(String field) {
        rejects(400, LINE_11 + field + CRLF + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length\t: 5", "Content-Length : 5", "X-A : 1", "X-A\t:1", "X A: 1"})
    void whitespaceInsideOrBeforeTheColonIs400(String field) {
        rejects(400, withFields(field + CRLF));
    }

    @ParameterizedTest
    @ValueSource(strings = {": x", ":x", ":", "\u0000: x"})
    void emptyNameIs400(String field) {
        rejects(400, withFields(field + CRLF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A", "X-A 1", "no colon at all", "X-A;1", "X-A=1"})
    void missingColonIs400(String field) {
        rejects(400, withFields(field + CRLF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X(A): 1", "X)A: 1", "X\"A: 1", "X,A: 1", "X/A: 1", "X;A: 1", "X<A: 1", "X=A: 1",
            "X?A: 1", "X@A: 1", "X[A: 1", "X]A: 1", "X{A: 1", "X}A: 1", "X\\A: 1", "X\u00e9A: 1", "X\u007fA: 1",
            "X\u0000A: 1"})
    void nonTokenNameIs400(String field) {
        rejects(400, withFields(field + CRLF));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x0D, 0x0E, 0x1B, 0x1F, 0x7F})
    void controlCharacterInValueIs400(int control) {
        rejects(400, withFields("X-A: a" + (char) control + "b" + CRLF));
        rejects(400, withFields("X-A: " + (char) control + CRLF));
    }

    @Test
    void bareCrBeforeTheLineEndIs400() {
        rejects(400, withFields("X-A: a\r" + CRLF));
        rejects(400, withFields("X-A: a\rX-B: b" + CRLF));
    }

    @Test
    void bareLfAsLineEndIs400() {
        rejects(400, LINE_11 + HOST + "X-A: 1\nX-B: 2" + CRLF + CRLF);
        rejects(400, LINE_11 + "Host: example.com\n" + CRLF);
        rejects(400, LINE_11 + HOST + "\n");
        rejects(400, LINE_11 + HOST + "X-A: 1\n\n");
    }

    // ---- Host ---------------------------------------------------------------------------------

    @Test
    void missingHostIs400InHttp11ButTheHeadParses() {
        // Nothing about the message is in doubt, so the application answers it (CORS, request id).
        refuses(400, LINE_11 + CRLF);
        refuses(400, LINE_11 + "X-Host: example.com" + CRLF + CRLF);
    }

    @Test
    void missingHostIsFineInHttp10() {
        Wire.Parsed p = ok(LINE_10 + CRLF);
        assertEquals(-1, p.head.authorityStart());
        assertNull(p.authority());
    }

    @Test
    void twoHostFieldsAre400() {
        unparseable(400, withFields("Host: example.com" + CRLF));
        rejects(400, withFields("host: other.org" + CRLF));
        rejects(400, LINE_10 + "Host: a" + CRLF + "Host: b" + CRLF + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "x@y", "user@example.com", "[::1", "[::1]x", "[]", "[::g]", "host:abc",
            "host:123456", "host:8080:1", "a/b", "a?b", "a%zz", "a%4", "ex\"ample", "exa<mple", "http://h",
            "h:-1", "h: 80"})
    void invalidHostSyntaxIs400(String host) {
        rejects(400, LINE_11 + "Host: " + host + CRLF + CRLF);
    }

    @Test
    void invalidHostIs400InHttp10Too() {
        rejects(400, LINE_10 + "Host: a b" + CRLF + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com:8080", "[::1]:80", "[::1]", "127.0.0.1", "127.0.0.1:0",
            "", "localhost:", "a-b.c_d~e", "a%41b", "sub!$&'()*+,;=delims", "[2001:db8::1:2]:65535"})
    void validHostIsAccepted(String host) {
        Wire.Parsed p = ok(LINE_11 + "Host: " + host + CRLF + CRLF);
        assertEquals(host, p.authority());
        assertEquals(host, p.header("Host"));
    }

    @Test
    void hostValueIsTrimmedBeforeTheSyntaxCheck() {
        assertEquals("example.com:80", ok(LINE_11 + "Host: \t example.com:80 \t" + CRLF + CRLF).authority());
    }

    // ---- Expect -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"100-continue", "100-Continue", "100-CONTINUE", " 100-continue\t"})
    void expectContinueIsRecorded(String value) {
        assertTrue(ok(withFields("Expect:" + value + CRLF)).head.expectContinue());
        assertTrue(ok(withFields("EXPECT: " + value + CRLF)).head.expectContinue());
    }

    @Test
    void noExpectMeansNoContinue() {
        assertFalse(ok(withFields("")).head.expectContinue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"200-ok", "100-continue-please", "100-continue, foo", "continue", "x"})
    void otherExpectationsAre417(String value) {
        refuses(417, withFields("Expect: " + value + CRLF));
    }

    @Test
    void aMalformedFieldAfterAnUnknownExpectationIsStillUnparseable() {
        unparseable(400, withFields("Expect: x" + CRLF + "Bad Name: v" + CRLF));
    }

    // ---- Connection ---------------------------------------------------------------------------

    @Test
    void http11IsPersistentByDefault() {
        Wire.Parsed p = ok(withFields(""));
        assertTrue(p.head.keepAlive());
        assertFalse(p.head.keepAliveRequested());
    }

    @Test
    void http10IsNotPersistentByDefault() {
        Wire.Parsed p = ok(LINE_10 + CRLF);
        assertFalse(p.head.keepAlive());
        assertFalse(p.head.keepAliveRequested());
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "Close", "CLOSE", "foo, close", "close, foo", "foo,close", "foo ,\tclose ,bar",
            ",,close,,", "keep-alive, close", "close, keep-alive", "upgrade\tclose"})
    void closeTokenEndsTheConnection(String value) {
        Wire.Parsed p = ok(withFields("Connection: " + value + CRLF));
        assertFalse(p.head.keepAlive(), value);
        Wire.Parsed p10 = ok(LINE_10 + "Connection: " + value + CRLF + CRLF);
        assertFalse(p10.head.keepAlive(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"closed", "xclose", "clos", "close-ish", "\"close\"", "foo"})
    void tokensThatMerelyResembleCloseDoNotClose(String value) {
        assertTrue(ok(withFields("Connection: " + value + CRLF)).head.keepAlive(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keep-alive", "Keep-Alive", "foo, keep-alive", "keep-alive, upgrade"})
    void keepAliveTokenKeepsAnHttp10Connection(String value) {
        Wire.Parsed p = ok(LINE_10 + "Connection: " + value + CRLF + CRLF);
        assertTrue(p.head.keepAlive());
        assertTrue(p.head.keepAliveRequested());
    }

    @Test
    void connectionTokensAccumulateOverSeveralFields() {
        Wire.Parsed p = ok(withFields("Connection: foo" + CRLF + "Connection: close" + CRLF));
        assertFalse(p.head.keepAlive());
        Wire.Parsed p10 = ok(LINE_10 + "Connection: foo" + CRLF + "connection: keep-alive" + CRLF + CRLF);
        assertTrue(p10.head.keepAlive());
    }

    // ---- header count limit -------------------------------------------------------------------

    private static final int MAX_COUNT = 5;
    private static final ServerConfig FEW_FIELDS = Wire.DEFAULTS.withMaxHeaderCount(MAX_COUNT);

    private static String withFieldCount(int count) {
        StringBuilder sb = new StringBuilder(LINE_11).append(HOST);
        for (int i = 1; i < count; i++) {
            sb.append("X-").append(i).append(": ").append(i).append(CRLF);
        }
        return sb.append(CRLF).toString();
    }

    @Test
    void exactlyMaxHeaderCountFieldsAreAccepted() {
        for (int piece : new int[] {1, 3, Integer.MAX_VALUE}) {
            Wire.Parsed p = Wire.parse(withFieldCount(MAX_COUNT), FEW_FIELDS, piece);
            p.assertOk(withFieldCount(MAX_COUNT));
            assertEquals(MAX_COUNT, p.head.headerCount());
        }
    }

    @Test
    void oneFieldMoreThanMaxHeaderCountIs431() {
        for (int piece : new int[] {1, 3, Integer.MAX_VALUE}) {
            assertEquals(431, Wire.parse(withFieldCount(MAX_COUNT + 1), FEW_FIELDS, piece).status, "piece " + piece);
        }
        rejects(431, withFieldCount(10 * MAX_COUNT), FEW_FIELDS);
    }

    @Test
    void countLimitWithTheDefaultConfiguration() {
        ok(withFieldCount(Wire.DEFAULTS.maxHeaderCount()));
        rejects(431, withFieldCount(Wire.DEFAULTS.maxHeaderCount() + 1));
    }

    // ---- header section size limit -------------------------------------------------------------

    private static final int MAX_BYTES = 256;
    private static final ServerConfig SMALL_SECTION = Wire.DEFAULTS.withMaxHeaderSize(MAX_BYTES);

    /**
     * A request whose header section (RFC 9112 section 2.1: {@code *( field-line CRLF )}, i.e. every
     * field line with its CRLF, without the request line and without the final empty line) is exactly
     * {@code size} bytes.
     */
    private static String withSectionSize(int size) {
        String host = "Host: h" + CRLF;
        String fillerPrefix = "X-Fill: ";
        int filler = size - host.length() - fillerPrefix.length() - 2;
        String section = host + fillerPrefix + "f".repeat(filler) + CRLF;
        assertEquals(size, section.length());
        return LINE_11 + section + CRLF;
    }

    @Test
    void headerSectionAtTheLimitIsAccepted() {
        String raw = withSectionSize(MAX_BYTES);
        assertEquals(2, ok(raw, SMALL_SECTION).head.headerCount());
    }

    @Test
    void headerSectionOneByteOverTheLimitIs431() {
        rejects(431, withSectionSize(MAX_BYTES + 1), SMALL_SECTION);
    }

    @Test
    void headerSectionFarOverTheLimitIs431() {
        rejects(431, withSectionSize(MAX_BYTES + 3), SMALL_SECTION);
        rejects(431, withSectionSize(4 * MAX_BYTES), SMALL_SECTION);
    }

    /** Whether a head fits must not depend on how its bytes were split into reads. */
    @Test
    void headerSectionAtTheLimitIsAcceptedWhateverThePieceSize() {
        String raw = withSectionSize(MAX_BYTES);
        for (int piece = 1; piece <= 40; piece++) {
            Wire.Parsed p = Wire.parse(raw, SMALL_SECTION, piece);
            assertEquals(0, p.status, "piece size " + piece + ": " + (p.error == null ? "" : p.error.getMessage()));
        }
    }

    @Test
    void headerSectionOverTheLimitIs431WhateverThePieceSize() {
        String raw = withSectionSize(MAX_BYTES + 1);
        for (int piece = 1; piece <= 40; piece++) {
            assertEquals(431, Wire.parse(raw, SMALL_SECTION, piece).status, "piece size " + piece);
        }
    }

    @Test
    void headerSectionStillArrivingIs431WithoutWaitingForItsEnd() {
        // One endless field line and then a stall: 431 must come before the stall is noticed.
        byte[] raw = Wire.bytes(LINE_11 + HOST + "X-Endless: " + "e".repeat(20 * MAX_BYTES));
        for (int piece : new int[] {1, 5, 100, 100_000}) {
            Wire.Source source = Wire.stalling(raw, piece);
            InputBuffer in = Wire.buffer(source, SMALL_SECTION);
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> new HeadReader(SMALL_SECTION).read(in, new RequestHead(100), Wire.farDeadline()));
            assertEquals(431, e.status(), "piece size " + piece);
            assertTrue(source.delivered() < 4 * MAX_BYTES + LINE_11.length(),
                    "buffered " + source.delivered() + " bytes before refusing (piece " + piece + ")");
        }
    }

    @Test
    void manySmallFieldsStillArrivingAre431() {
        StringBuilder sb = new StringBuilder(LINE_11).append(HOST);
        for (int i = 0; i < 200; i++) {
            sb.append("A: b").append(CRLF);
        }
        byte[] raw = Wire.bytes(sb.toString());
        ServerConfig config = SMALL_SECTION.withMaxHeaderCount(10_000);
        InputBuffer in = Wire.buffer(Wire.stalling(raw, 7), config);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new HeadReader(config).read(in, new RequestHead(10_000), Wire.farDeadline()));
        assertEquals(431, e.status());
    }

    @Test
    void requestLineDoesNotCountTowardsTheHeaderSection() {
        String raw = "GET /" + "p".repeat(1000) + " HTTP/1.1" + CRLF + "Host: h" + CRLF + CRLF;
        ok(raw, SMALL_SECTION);
    }
}
