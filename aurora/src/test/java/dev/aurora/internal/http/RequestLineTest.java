package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static dev.aurora.internal.http.Wire.ok;
import static dev.aurora.internal.http.Wire.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.ServerConfig;
import dev.aurora.TargetCharacters;
import dev.aurora.internal.mem.Arena;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request line (RFC 9112 section 3): method, request-target forms, version, limits. */
class RequestLineTest {
    private static final String HOST = "Host: example.com" + CRLF;

    private static String request(String line) {
        return line + CRLF + HOST + CRLF;
    }

    // ---- origin-form -------------------------------------------------------------------------

    @Test
    void originFormSplitsPathAndQuery() {
        Wire.Parsed p = ok(request("GET /a/b%20c?x=1&y=%41 HTTP/1.1"));
        assertEquals("GET", p.method());
        assertEquals("/a/b%20c?x=1&y=%41", p.target());
        assertEquals("/a/b%20c", p.path());
        assertEquals("x=1&y=%41", p.query());
        assertFalse(p.head.asteriskForm());
        assertEquals(1, p.head.minorVersion());
        assertEquals("example.com", p.authority(), "without absolute-form the authority is Host's");
    }

    @Test
    void originFormWithoutQueryHasNoQuery() {
        Wire.Parsed p = ok(request("GET /index.html HTTP/1.1"));
        assertEquals("/index.html", p.path());
        assertEquals(-1, p.head.queryStart());
        assertEquals(-1, p.head.queryLength());
        assertNull(p.query());
    }

    @Test
    void emptyQueryIsPresentButEmpty() {
        Wire.Parsed p = ok(request("GET /a? HTTP/1.1"));
        assertEquals("/a", p.path());
        assertEquals("", p.query());
        assertEquals(0, p.head.queryLength());
    }

    @Test
    void onlyTheFirstQuestionMarkSplits() {
        Wire.Parsed p = ok(request("GET /a?b?c=/d HTTP/1.1"));
        assertEquals("/a", p.path());
        assertEquals("b?c=/d", p.query());
    }

    @Test
    void everyCharacterRfc3986AllowsIsAccepted() {
        String target = "/AZaz09-._~!$&'()*+,;=:@/%aF%00?/?:@";
        assertEquals(target, ok(request("GET " + target + " HTTP/1.1")).target());
    }

    // ---- absolute-form -----------------------------------------------------------------------

    @Test
    void absoluteFormAuthorityWinsOverHost() {
        String raw = "GET http://example.org:8080/p/q?x=1 HTTP/1.1" + CRLF + "Host: other.net" + CRLF + CRLF;
        Wire.Parsed p = ok(raw);
        assertEquals("example.org:8080", p.authority());
        assertEquals("/p/q", p.path());
        assertEquals("x=1", p.query());
        assertEquals("http://example.org:8080/p/q?x=1", p.target());
        // The authority offsets point into the request target, not into the Host field.
        int targetStart = p.head.targetStart();
        assertEquals(targetStart + "http://".length(), p.head.authorityStart());
        assertEquals("example.org:8080".length(), p.head.authorityLength());
        assertTrue(p.head.authorityStart() + p.head.authorityLength() <= targetStart + p.head.targetLength());
        assertEquals("other.net", p.header("Host"), "the Host field itself is still there");
    }

    /** What {@code ctx.host()} reads when no proxy is trusted: RFC 9112 section 3.2.2's authority. */
    private static String viewedAuthority(String raw) {
        Wire.Parsed p = ok(raw);
        RequestView view = new RequestView(p.in, new Arena(4, 64));
        view.begin(p.head);
        return view.authority();
    }

    @Test
    void theViewedAuthorityIsTheAbsoluteFormsWhateverHostSays() {
        assertEquals("example.org:8080", viewedAuthority("GET http://example.org:8080/p HTTP/1.1" + CRLF
                + "Host: other.net" + CRLF + CRLF));
        assertEquals("[::1]", viewedAuthority("GET https://[::1]/p HTTP/1.1" + CRLF + "Host: other.net" + CRLF + CRLF));
        assertEquals("other.net:81", viewedAuthority("GET /p HTTP/1.1" + CRLF + "Host: other.net:81" + CRLF + CRLF));
        assertEquals("example.org", viewedAuthority("GET http://example.org HTTP/1.0" + CRLF + CRLF));
        assertNull(viewedAuthority("GET /p HTTP/1.0" + CRLF + CRLF));
    }

    @Test
    void absoluteFormStillNeedsHostInHttp11() {
        // RFC 9112 section 3.2: a 1.1 request without Host is 400, whatever the target form.
        Wire.refuses(400, "GET http://example.org/ HTTP/1.1" + CRLF + CRLF);
    }

    @Test
    void absoluteFormWithoutHostInHttp10UsesTheTargetsAuthority() {
        Wire.Parsed p = ok("GET http://example.org:81/a HTTP/1.0" + CRLF + CRLF);
        assertEquals("example.org:81", p.authority());
        assertEquals("/a", p.path());
    }

    @Test
    void absoluteFormWithAnInvalidHostFieldIs400() {
        // RFC 9112 section 3.2: a Host field with an invalid value is 400 even though absolute-form wins.
        rejects(400, "GET http://example.org/ HTTP/1.1" + CRLF + "Host: a b" + CRLF + CRLF);
    }

    @Test
    void absoluteFormWithoutPathHasEmptyPath() {
        Wire.Parsed p = ok(request("GET http://example.org HTTP/1.1"));
        assertEquals("example.org", p.authority());
        assertEquals(0, p.head.pathLength());
        assertNull(p.query());
    }

    @Test
    void absoluteFormWithQueryButNoPath() {
        Wire.Parsed p = ok(request("GET https://example.org?a=b HTTP/1.1"));
        assertEquals("example.org", p.authority());
        assertEquals("", p.path());
        assertEquals("a=b", p.query());
    }

    @Test
    void absoluteFormSchemeIsCaseInsensitive() {
        Wire.Parsed p = ok(request("GET HTTPS://example.org:443/x HTTP/1.1"));
        assertEquals("example.org:443", p.authority());
        assertEquals("/x", p.path());
        assertEquals("example.org", ok(request("GET Http://example.org/ HTTP/1.1")).authority());
    }

    /** RFC 3986 section 3.2.2: an absolute-URI's host may be an IP-literal in brackets. */
    @Test
    void absoluteFormWithIpLiteralAuthority() {
        Wire.Parsed p = ok(request("GET http://[::1]:8080/x?y HTTP/1.1"));
        assertEquals("[::1]:8080", p.authority());
        assertEquals("/x", p.path());
        assertEquals("y", p.query());
        assertEquals("[2001:db8::7]", ok(request("GET https://[2001:db8::7] HTTP/1.1")).authority());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/[", "/a]", "/[::1]", "/?q=[x]", "http://h/[x]", "http://h?[x]"})
    void bracketsOutsideAnIpLiteralAre400WhenStrict(String target) {
        rejects(400, request("GET " + target + " HTTP/1.1"), STRICT);
        // Lenient (the default): brackets in a path or query are data, as in "?tags[]=x".
        assertEquals(target, ok(request("GET " + target + " HTTP/1.1")).target());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ftp://example.org/", "http:/example.org/", "http:example.org/", "http://", "http://?x",
            "http:///path", "http://user@example.org/", "http://[::1/", "http://exa mple.org/",
            "http://host:abc/", "example.org:80", "example.org"})
    void malformedAbsoluteFormsAre400(String target) {
        rejects(400, request("GET " + target + " HTTP/1.1"));
    }

    // ---- asterisk-form -----------------------------------------------------------------------

    @Test
    void optionsAsteriskIsAccepted() {
        Wire.Parsed p = ok(request("OPTIONS * HTTP/1.1"));
        assertEquals("OPTIONS", p.method());
        assertTrue(p.head.asteriskForm());
        assertEquals("*", p.target());
        assertNull(p.query());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "HEAD", "options", "PROPFIND"})
    void asteriskFormForAnotherMethodIs400(String method) {
        rejects(400, request(method + " * HTTP/1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"**", "*?x", "*/"})
    void asteriskFollowedByMoreIs400(String target) {
        rejects(400, request("OPTIONS " + target + " HTTP/1.1"));
    }

    // ---- method ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "POST", "HEAD", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "PROPFIND", "M-SEARCH", "MKCOL", "X", "!#$%&'*+-.^_`|~09azAZ"})
    void tokenMethodsAreAcceptedVerbatim(String method) {
        assertEquals(method, ok(request(method + " / HTTP/1.1")).method());
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "gET", "post", "Post", "head", "put", "delete", "options"})
    void methodsAreCaseSensitive(String method) {
        Wire.Parsed p = ok(request(method + " / HTTP/1.1"));
        assertEquals(method, p.method(), "a lower-case method is a different (unknown) token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GE(T", "GE)T", "G\"ET", "GE,T", "GE/T", "GE:T", "GE;T", "GE<T", "GE=T", "GE?T",
            "GE@T", "GE[T", "GE]T", "GE{T", "GE}T", "GE\\T", "GE\u0000T", "GE\u007fT", "GE\u00c3T",
            "GET\t/", "GE\u0001T"})
    void nonTokenMethodIs400(String method) {
        rejects(400, request(method + " / HTTP/1.1"));
    }

    @Test
    void emptyMethodIs400() {
        rejects(400, request(" / HTTP/1.1"));
    }

    // ---- separators --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"GET  / HTTP/1.1", "GET /  HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1",
            "GET\t/ HTTP/1.1", "GET /\tHTTP/1.1", "GET / HTTP/1.1\t", "GET/ HTTP/1.1", "GET /HTTP/1.1"})
    void anythingButSingleSpacesIs400(String line) {
        rejects(400, request(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "GET /", "GET / ", "GET /index.html", "GET HTTP/1.1", "GET  HTTP/1.1",
            "GET / HTTP/", "GET / HTTP/1", "GET / HTTP/1.", "GET /HTTP/1.1 HTTP"})
    void missingOrTruncatedVersionIs400(String line) {
        rejects(400, request(line));
    }

    // ---- version -----------------------------------------------------------------------------

    @Test
    void http10HasMinorVersion0() {
        Wire.Parsed p = ok("GET / HTTP/1.0" + CRLF + CRLF);
        assertEquals(0, p.head.minorVersion());
    }

    @Test
    void http11HasMinorVersion1() {
        assertEquals(1, ok(request("GET / HTTP/1.1")).head.minorVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.2", "HTTP/1.9"})
    void higherMinorVersionIsHandledAs11(String version) {
        assertEquals(1, ok(request("GET / " + version)).head.minorVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/9.9", "HTTP/0.1"})
    void otherMajorVersionIs505(String version) {
        rejects(505, request("GET / " + version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "Http/1.1", "HTTP/1.10", "HTTP/11", "HTTP/1.1.1", "HTTP/1.a", "HTTP/a.1",
            "HTTP/1,1", "HTTP-1.1", "HTTPS/1.1", "XTTP/1.1", "HTTP/1.1x", "HTTP/ 1.1"})
    void malformedVersionIs400(String version) {
        rejects(400, request("GET / " + version));
    }

    // ---- target characters -------------------------------------------------------------------

    private static final ServerConfig STRICT = ServerConfig.defaults().withTargetCharacters(TargetCharacters.STRICT);

    /** One target per character class, in the path and in the query. */
    static Stream<String> browserCharacters() {
        return Stream.of("\"", "<", ">", "[", "\\", "]", "^", "`", "{", "|", "}", "\u0080", "\u00c3\u00a9", "\u00ff")
                .flatMap(c -> Stream.of("/a" + c + "b", "/?q=" + c));
    }

    @ParameterizedTest
    @MethodSource("browserCharacters")
    void browserCharactersAreAcceptedByDefault(String target) {
        Wire.Parsed p = ok(request("GET " + target + " HTTP/1.1"));
        assertEquals(target, p.target());
    }

    @ParameterizedTest
    @MethodSource("browserCharacters")
    void browserCharactersAre400WhenStrict(String target) {
        Wire.unparseable(400, request("GET " + target + " HTTP/1.1"), STRICT);
    }

    @Test
    void whatJavaScriptClientsSendUnencodedIsSplitAsUsual() {
        Wire.Parsed p = ok(request("GET /users/x[1]/{id}?filter={\"a\":1}&tags[]=x&q=a|b^c`d<e>\\ HTTP/1.1"));
        assertEquals("/users/x[1]/{id}", p.path());
        assertEquals("filter={\"a\":1}&tags[]=x&q=a|b^c`d<e>\\", p.query());
    }

    /** What may shift the request line's framing or cut the target short, refused in either mode. */
    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a#frag", "/#", "/?q=#", "/a\u0000", "/a\u007f", "/a\u0001", "/a\u001f", "/a\tb",
            "/a\rb", "/?q=a b", "/?q=a\u000bb"})
    void controlsSpacesAndHashAre400InEitherMode(String target) {
        Wire.unparseable(400, request("GET " + target + " HTTP/1.1"));
        Wire.unparseable(400, request("GET " + target + " HTTP/1.1"), STRICT);
    }

    @Test
    void rfc3986TargetsAreAcceptedWhenStrict() {
        String target = "/AZaz09-._~!$&'()*+,;=:@/%aF%00?/?:@";
        assertEquals(target, ok(request("GET " + target + " HTTP/1.1"), STRICT).target());
    }

    @Test
    void anAbsoluteFormAuthorityStaysAHostNameWhenLenient() {
        Wire.unparseable(400, request("GET http://ex{ample.org/ HTTP/1.1"));
        Wire.unparseable(400, request("GET http://ex\u00e9mple.org/ HTTP/1.1"));
        assertEquals("/{x}", ok(request("GET http://example.org/{x} HTTP/1.1")).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%G1", "/%1G", "/%2", "/%", "/a%2", "/%%41", "/?x=%zz", "/?x=%", "/?x=%4",
            "/a%g0/b"})
    void malformedPercentEscapeIs400(String target) {
        rejects(400, request("GET " + target + " HTTP/1.1"));
    }

    @Test
    void wellFormedPercentEscapesAtTheEndAreAccepted() {
        assertEquals("/a%41", ok(request("GET /a%41 HTTP/1.1")).target());
        assertEquals("x=%7e", ok(request("GET /?x=%7e HTTP/1.1")).query());
    }

    // ---- leading empty lines -----------------------------------------------------------------

    @Test
    void oneLeadingCrlfIsIgnored() {
        Wire.Parsed p = ok(CRLF + request("GET /x HTTP/1.1"));
        assertEquals("GET", p.method());
        assertEquals("/x", p.path());
    }

    @Test
    void severalLeadingCrlfsAreIgnored() {
        Wire.Parsed p = ok(CRLF + CRLF + CRLF + CRLF + request("GET /x HTTP/1.1"));
        assertEquals("/x", p.path());
        assertEquals("example.com", p.header("host"));
    }

    @Test
    void leadingCrlfsArriveOneByteAtATime() {
        String raw = CRLF + CRLF + request("GET /x HTTP/1.1");
        Wire.Parsed p = Wire.parse(raw, Wire.DEFAULTS, 1).assertOk(raw);
        assertEquals("/x", p.path());
    }

    @Test
    void leadingBareLfIs400() {
        rejects(400, "\n" + request("GET / HTTP/1.1"));
        rejects(400, CRLF + "\n" + request("GET / HTTP/1.1"));
    }

    @Test
    void requestLineEndingInBareLfIs400() {
        rejects(400, "GET / HTTP/1.1\n" + HOST + CRLF);
    }

    @Test
    void endlessEmptyLinesAreCutOff() {
        ServerConfig config = Wire.DEFAULTS.withMaxRequestLineLength(64);
        rejects(400, CRLF.repeat(200) + request("GET / HTTP/1.1"), config);
    }

    // ---- length limit ------------------------------------------------------------------------

    private static final int MAX_LINE = 64;
    private static final ServerConfig SHORT_LINES = Wire.DEFAULTS.withMaxRequestLineLength(MAX_LINE);

    /** A request line of exactly {@code length} bytes (CRLF excluded). */
    private static String lineOfLength(int length) {
        String prefix = "GET /";
        String suffix = " HTTP/1.1";
        String line = prefix + "a".repeat(length - prefix.length() - suffix.length()) + suffix;
        assertEquals(length, line.length());
        return line;
    }

    @Test
    void requestLineAtTheLimitIsAccepted() {
        String raw = request(lineOfLength(MAX_LINE));
        assertEquals(MAX_LINE - "GET  HTTP/1.1".length(), ok(raw, SHORT_LINES).head.targetLength());
    }

    @Test
    void requestLineOverTheLimitIs414() {
        rejects(414, request(lineOfLength(MAX_LINE + 1)), SHORT_LINES);
        rejects(414, request(lineOfLength(MAX_LINE * 4)), SHORT_LINES);
    }

    @Test
    void requestLineLimitDoesNotCountLeadingEmptyLines() {
        assertEquals("GET", ok(CRLF + CRLF + request(lineOfLength(MAX_LINE)), SHORT_LINES).method());
    }

    /** The verdict must not depend on how the bytes were split into reads. */
    @Test
    void requestLineAtTheLimitIsAcceptedWhateverThePieceSize() {
        String raw = request(lineOfLength(MAX_LINE));
        for (int piece = 1; piece <= 80; piece++) {
            Wire.Parsed p = Wire.parse(raw, SHORT_LINES, piece);
            assertEquals(0, p.status, "piece size " + piece + ": "
                    + (p.error == null ? "" : p.error.getMessage()));
        }
    }

    @Test
    void requestLineOverTheLimitIs414WhateverThePieceSize() {
        String raw = request(lineOfLength(MAX_LINE + 1));
        for (int piece = 1; piece <= 80; piece++) {
            assertEquals(414, Wire.parse(raw, SHORT_LINES, piece).status, "piece size " + piece);
        }
    }

    @Test
    void longRequestLineStillArrivingIs414WithoutWaitingForItsEnd() throws IOException {
        // No CRLF ever comes; the source stalls after the bytes. 414 must come before any stall.
        byte[] raw = Wire.bytes("GET /" + "a".repeat(10 * MAX_LINE));
        for (int piece : new int[] {1, 7, 64, 10_000}) {
            Wire.Source source = Wire.stalling(raw, piece);
            InputBuffer in = Wire.buffer(source, SHORT_LINES);
            ProtocolException e = org.junit.jupiter.api.Assertions.assertThrows(ProtocolException.class,
                    () -> new HeadReader(SHORT_LINES).read(in, new RequestHead(100), Wire.farDeadline()));
            assertEquals(414, e.status(), "piece size " + piece);
            assertTrue(source.delivered() <= MAX_LINE + Math.max(piece, 2),
                    "buffered " + source.delivered() + " bytes before refusing (piece " + piece + ")");
        }
    }
}
