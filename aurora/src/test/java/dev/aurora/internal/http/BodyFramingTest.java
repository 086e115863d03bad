package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static dev.aurora.internal.http.Wire.ok;
import static dev.aurora.internal.http.Wire.refuses;
import static dev.aurora.internal.http.Wire.rejects;
import static dev.aurora.internal.http.Wire.unparseable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aurora.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the body is framed (RFC 9112 section 6.3), with the request smuggling shapes: CL.TE, TE.CL,
 * TE.TE obfuscations, malformed and conflicting Content-Length.
 */
class BodyFramingTest {
    private static final String POST_11 = "POST /upload HTTP/1.1" + CRLF + "Host: example.com" + CRLF;
    private static final String POST_10 = "POST /upload HTTP/1.0" + CRLF;

    private static String post(String fields) {
        return POST_11 + fields + CRLF;
    }

    private static String cl(String value) {
        return "Content-Length: " + value + CRLF;
    }

    private static String te(String value) {
        return "Transfer-Encoding: " + value + CRLF;
    }

    // ---- no body -----------------------------------------------------------------------------

    @Test
    void noFramingFieldsMeansNoBody() {
        Wire.Parsed p = ok(post(""));
        assertEquals(BodyFraming.NONE, p.head.bodyFraming());
        assertEquals(-1, p.head.contentLength());
    }

    @Test
    void fieldsThatOnlyResembleFramingFieldsAreIgnored() {
        Wire.Parsed p = ok(post("Transfer_Encoding: chunked" + CRLF + "Content_Length: 5" + CRLF
                + "X-Transfer-Encoding: chunked" + CRLF + "Content-Lengths: 5" + CRLF));
        assertEquals(BodyFraming.NONE, p.head.bodyFraming());
        assertEquals(-1, p.head.contentLength());
    }

    // ---- Content-Length ----------------------------------------------------------------------

    @Test
    void contentLengthGivesAFixedBody() {
        Wire.Parsed p = ok(post(cl("5")));
        assertEquals(BodyFraming.LENGTH, p.head.bodyFraming());
        assertEquals(5, p.head.contentLength());
    }

    @Test
    void contentLengthZeroMeansNoBody() {
        Wire.Parsed p = ok(post(cl("0")));
        assertEquals(BodyFraming.NONE, p.head.bodyFraming());
        assertEquals(0, p.head.contentLength());
    }

    @Test
    void contentLengthNameIsCaseInsensitive() {
        assertEquals(12, ok(post("CONTENT-LENGTH: 12" + CRLF)).head.contentLength());
        assertEquals(12, ok(post("content-length:12" + CRLF)).head.contentLength());
    }

    @Test
    void contentLengthLeadingZerosAndOwsAreAccepted() {
        assertEquals(7, ok(post(cl("007"))).head.contentLength());
        assertEquals(7, ok(post("Content-Length:\t 7 \t" + CRLF)).head.contentLength());
    }

    @Test
    void contentLengthInHttp10IsAccepted() {
        Wire.Parsed p = ok(POST_10 + cl("3") + CRLF);
        assertEquals(BodyFraming.LENGTH, p.head.bodyFraming());
        assertEquals(3, p.head.contentLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", "-5", " 5x", "5x", "0x5", "5 5", "", " ", "1_000", "5.0", "5e2", "five",
            "\"5\"", ",5", "5;", "5/", "\u00b5", "5\u0000", "5 , 5 5", "-0"})
    void malformedContentLengthIs400(String value) {
        rejects(400, post(cl(value)));
    }

    /**
     * RFC 9110 section 8.6: Content-Length is 1*DIGIT; the only tolerated deviation is the same value
     * repeated as a list ("42, 42"). A dangling comma is neither, so the framing is invalid (RFC 9112
     * section 6.3, item 5: 400).
     */
    @ParameterizedTest
    @ValueSource(strings = {"5,", "5 ,", "5, ", "5,\t", "5, 5,"})
    void danglingCommaInContentLengthIs400(String value) {
        rejects(400, post(cl(value)));
    }

    @Test
    void repeatedIdenticalContentLengthsAreAccepted() {
        assertEquals(5, ok(post(cl("5") + cl("5"))).head.contentLength());
        assertEquals(5, ok(post(cl("5, 5"))).head.contentLength());
        assertEquals(5, ok(post(cl("5,5,5"))).head.contentLength());
        assertEquals(5, ok(post(cl("5 ,\t5") + cl("5"))).head.contentLength());
        assertEquals(BodyFraming.LENGTH, ok(post(cl("5, 5"))).head.bodyFraming());
    }

    @Test
    void differingContentLengthsAre400() {
        rejects(400, post(cl("5") + cl("6")));
        rejects(400, post(cl("5, 6")));
        rejects(400, post(cl("6") + cl("5, 5")));
        rejects(400, post(cl("0") + cl("5")));
        rejects(400, post(cl("5") + "content-length: 50" + CRLF));
        rejects(400, post(cl("1,000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000000000000000000", "99999999999999999999999999", "9223372036854775807",
            "9223372036854775808", "18446744073709551616", "18446744073709551621"})
    void hugeContentLengthIs413NotAnOverflow(String value) {
        refuses(413, post(cl(value)));
    }

    @Test
    void hugeContentLengthIs413EvenWithoutABodyLimit() {
        refuses(413, post(cl("99999999999999999999")), Wire.DEFAULTS.withMaxBodySize(Long.MAX_VALUE));
    }

    @Test
    void contentLengthOverMaxBodySizeIs413() {
        ServerConfig config = Wire.DEFAULTS.withMaxBodySize(100);
        assertEquals(100, ok(post(cl("100")), config).head.contentLength());
        Wire.Parsed refused = refuses(413, post(cl("101")), config);
        // The head is whole: the refusal is answered after routing, the body never read.
        assertEquals(101, refused.head.contentLength());
        assertEquals(BodyFraming.LENGTH, refused.head.bodyFraming());
        assertFalse(refused.head.keepAlive(), "a refused request closes its connection");
        refuses(413, post(cl(Long.toString(Wire.DEFAULTS.maxBodySize() + 1))));
        assertEquals(Wire.DEFAULTS.maxBodySize(),
                ok(post(cl(Long.toString(Wire.DEFAULTS.maxBodySize())))).head.contentLength());
    }

    @Test
    void zeroMaxBodySizeStillAllowsContentLengthZero() {
        ServerConfig config = Wire.DEFAULTS.withMaxBodySize(0);
        ok(post(cl("0")), config);
        refuses(413, post(cl("1")), config);
    }

    // ---- Transfer-Encoding -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "Chunked", "CHUNKED", "cHuNkEd", "\tchunked\t", "chunked \t", ", chunked",
            "chunked,", " , chunked , "})
    void chunkedIsAccepted(String value) {
        Wire.Parsed p = ok(post("Transfer-Encoding:" + value + CRLF));
        assertEquals(BodyFraming.CHUNKED, p.head.bodyFraming());
        assertEquals(-1, p.head.contentLength());
    }

    @Test
    void transferEncodingNameIsCaseInsensitive() {
        assertEquals(BodyFraming.CHUNKED, ok(post("transfer-encoding: chunked" + CRLF)).head.bodyFraming());
        assertEquals(BodyFraming.CHUNKED, ok(post("TRANSFER-ENCODING: chunked" + CRLF)).head.bodyFraming());
    }

    @Test
    void transferEncodingWithTabOwsIsAccepted() {
        assertEquals(BodyFraming.CHUNKED,
                ok(post("Transfer-Encoding:\tchunked" + CRLF)).head.bodyFraming());
    }

    @Test
    void clTeIs400() {
        rejects(400, post(cl("5") + te("chunked")));
        rejects(400, post(cl("0") + te("chunked")));
        rejects(400, post(cl("5") + "X-A: 1" + CRLF + te("chunked")));
    }

    @Test
    void teClIs400() {
        rejects(400, post(te("chunked") + cl("5")));
        rejects(400, post(te("chunked") + cl("0")));
        rejects(400, post(te("chunked") + cl("5") + cl("5")));
    }

    @Test
    void teClIs400WhateverTheCase() {
        rejects(400, post("transfer-encoding: CHUNKED" + CRLF + "CONTENT-LENGTH: 5" + CRLF));
        rejects(400, post("content-length: 5" + CRLF + "TRANSFER-encoding: chunked" + CRLF));
    }

    @Test
    void teClIs400EvenWithAnUnsupportedCoding() {
        // Framing ambiguity is refused whatever else is wrong with the codings.
        assertEquals(400, Wire.parse(post(cl("5") + te("gzip, chunked"))).status);
        assertEquals(400, Wire.parse(post(te("gzip") + cl("5"))).status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xchunked", "chunkedx", "chunk", "chunked-false", "\"chunked\"", "chunked;q=1",
            "chunked, identity", "chunked, gzip", "identity", "gzip", "deflate", "chunked chunked",
            "chunked\u00a0", "chun ked"})
    void lastCodingNotChunkedIs400(String value) {
        rejects(400, post(te(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked, chunked", "chunked,chunked", "CHUNKED, chunked", "chunked, gzip, chunked"})
    void chunkedTwiceIs400(String value) {
        rejects(400, post(te(value)));
    }

    @Test
    void chunkedTwiceOverTwoFieldsIs400() {
        rejects(400, post(te("chunked") + te("chunked")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "deflate, chunked", "compress, chunked", "x-custom, chunked",
            "gzip, deflate, chunked", "identity, chunked"})
    void unsupportedCodingBeforeChunkedIs501(String value) {
        refuses(501, post(te(value)));
    }

    @Test
    void bothFramingsAreUnparseableEvenOverTheLimit() {
        // Where the message ends is in doubt: no middleware may see it.
        unparseable(400, post(te("chunked") + cl("999999999")));
        unparseable(400, post(te("gzip, chunked") + cl("5")));
    }

    @Test
    void codingsAcrossTwoFieldsAreOneList() {
        refuses(501, post(te("gzip") + te("chunked")));
        rejects(400, post(te("chunked") + te("gzip")));
    }

    @Test
    void whitespaceBeforeTheColonIs400() {
        rejects(400, post("Transfer-Encoding : chunked" + CRLF));
        rejects(400, post("Transfer-Encoding\t: chunked" + CRLF));
        rejects(400, post(cl("5") + "Transfer-Encoding : chunked" + CRLF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u000bchunked", "\u000cchunked", "chunked\u000b", "chunked\u0000", "\u0000chunked",
            "chunked\r", "\rchunked", "chu\u007fnked"})
    void controlCharactersAroundChunkedAre400(String value) {
        rejects(400, post("Transfer-Encoding:" + value + CRLF));
    }

    @Test
    void foldedTransferEncodingIs400() {
        rejects(400, post("X-A: 1" + CRLF + " Transfer-Encoding: chunked" + CRLF));
        rejects(400, post("X-A: 1" + CRLF + "\tTransfer-Encoding: chunked" + CRLF));
        rejects(400, post(" Transfer-Encoding: chunked" + CRLF));
        rejects(400, post(cl("5") + " Transfer-Encoding: chunked" + CRLF));
        rejects(400, post("Transfer-Encoding:" + CRLF + " chunked" + CRLF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", ",", " , , "})
    void emptyTransferEncodingIs400(String value) {
        rejects(400, post("Transfer-Encoding:" + value + CRLF));
    }

    @Test
    void transferEncodingInHttp10Is400() {
        rejects(400, POST_10 + te("chunked") + CRLF);
        rejects(400, POST_10 + "Host: h" + CRLF + te("chunked") + CRLF);
    }

    @Test
    void transferEncodingInHttp12IsChunked() {
        Wire.Parsed p = ok("POST / HTTP/1.2" + CRLF + "Host: h" + CRLF + te("chunked") + CRLF);
        assertEquals(BodyFraming.CHUNKED, p.head.bodyFraming());
    }
}
