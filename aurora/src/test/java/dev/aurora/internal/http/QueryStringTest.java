package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query parameter lookup and {@code application/x-www-form-urlencoded} decoding. */
class QueryStringTest {
    private static final Arena SCRATCH = new Arena(4, 4);

    private static String first(String query, String name) {
        byte[] b = query.getBytes(StandardCharsets.ISO_8859_1);
        return QueryString.first(b, 0, b.length, name, SCRATCH);
    }

    private static String decode(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return QueryString.decode(b, 0, b.length, SCRATCH);
    }

    @Test
    void whatBrowsersLeaveUnencodedIsReadAsSent() {
        assertEquals("{\"a\":1}", first("filter={\"a\":1}", "filter"));
        assertEquals("x", first("tags[]=x", "tags[]"));
        assertEquals("a|b^c`d<e>\\", first("q=a|b^c`d<e>\\", "q"));
    }

    @Test
    void rawUtf8BytesDecodeLikeTheirEscapes() {
        assertEquals("caf\u00e9", first("q=caf\u00c3\u00a9", "q"));
        assertEquals(first("q=caf%C3%A9", "q"), first("q=caf\u00c3\u00a9", "q"));
    }

    @Test
    void invalidUtf8RawOrEscapedBecomesTheReplacementCharacter() {
        assertEquals("a\uFFFDb", first("q=a\u00ffb", "q"));
        assertEquals("a\uFFFDb", first("q=a%FFb", "q"));
    }

    @Test
    void findsParametersByName() {
        assertEquals("1", first("a=1&b=2&c=3", "a"));
        assertEquals("2", first("a=1&b=2&c=3", "b"));
        assertEquals("3", first("a=1&b=2&c=3", "c"));
        assertNull(first("a=1&b=2", "c"));
        assertNull(first("", "a"));
    }

    @Test
    void encodedNamesMatchTheirDecodedForm() {
        assertEquals("2", first("x=1&%70age=2", "page"));
        assertEquals("v", first("a+b=v", "a b"));
        assertEquals("x", first("n%C3%A4me=x", "n\u00e4me"));
        assertEquals("raw", first("n\u00c3\u00a4me=raw", "n\u00e4me"), "unescaped UTF-8 bytes in a name");
        assertNull(first("n%C3%A4me=x", "name"));
        assertNull(first("pag=1&pagee=2", "page"));
    }

    @Test
    void manyLookupsInOneRequestGrowTheScratchArena() {
        Arena small = new Arena(1, 1);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            q.append("k%20").append(i).append("=v%20").append(i).append('&');
        }
        byte[] b = q.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 200; i += 37) {
            assertEquals("v " + i, QueryString.first(b, 0, b.length, "k " + i, small));
        }
    }

    @Test
    void namesAreCaseSensitive() {
        assertNull(first("A=1", "a"));
    }

    @Test
    void percentEscapesAreUtf8() {
        assertEquals("caf\u00e9", first("q=caf%C3%A9", "q"));
        assertEquals("caf\u00e9", first("q=caf%c3%a9", "q"));
        assertEquals("\u20ac", first("q=%E2%82%AC", "q"));
        assertEquals("\ud83d\ude00", first("q=%F0%9F%98%80", "q"));
        assertEquals("a&b=c", first("q=a%26b%3Dc", "q"));
        assertEquals("100%", first("q=100%25", "q"));
    }

    @Test
    void plusIsASpaceButAnEscapedPlusIsAPlus() {
        assertEquals("x y z", first("q=x+y+z", "q"));
        assertEquals("1+1", first("q=1%2B1", "q"));
        assertEquals("  ", first("q=++", "q"));
    }

    @Test
    void namesAreDecodedToo() {
        assertEquals("1", first("a%20b=1", "a b"));
        assertEquals("2", first("a+b=2", "a b"));
        assertEquals("3", first("caf%C3%A9=3", "caf\u00e9"));
    }

    @Test
    void missingEqualsMeansEmptyValue() {
        assertEquals("", first("flag&x=1", "flag"));
        assertEquals("", first("x=1&flag", "flag"));
        assertEquals("", first("flag=", "flag"));
        assertEquals("1", first("flag&x=1", "x"));
    }

    @Test
    void firstOfRepeatedKeysWins() {
        assertEquals("1", first("a=1&a=2&a=3", "a"));
        assertEquals("", first("a&a=2", "a"));
        assertEquals("", first("a=&a=2", "a"));
    }

    @Test
    void valueMayContainEquals() {
        assertEquals("b=c", first("a=b=c", "a"));
    }

    @Test
    void emptyPairsAndEmptyNamesAreSkipped() {
        assertEquals("1", first("&&a=1&", "a"));
        assertNull(first("=1&=2", ""));
        assertEquals("2", first("=1&b=2", "b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%G1|%G1", "%2|%2", "%|%", "100%|100%", "%%41|%A", "a%zzb|a%zzb", "%4|%4", "x%|x%", "%0|%0"})
    void malformedEscapesAreKeptLiterally(String raw, String decoded) {
        assertEquals(decoded, decode(raw));
        assertEquals(decoded, first("q=" + raw, "q"));
    }

    @Test
    void decodeOfPlainTextIsUnchanged() {
        assertEquals("plain-text_123.~", decode("plain-text_123.~"));
        assertEquals("", decode(""));
    }

    @Test
    void workOnASubrange() {
        byte[] b = "GET /p?a=1&b=2 HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1);
        int start = 7;
        int length = 7;
        assertEquals("1", QueryString.first(b, start, length, "a", SCRATCH));
        assertEquals("2", QueryString.first(b, start, length, "b", SCRATCH));
        assertNull(QueryString.first(b, start, 3, "b", SCRATCH), "b lies outside the range");
        assertEquals("1", QueryString.first(b, start, 3, "a", SCRATCH));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        assertEquals("\ufffd", first("q=%C3", "q"));
        assertEquals("a\ufffdb", first("q=a%FFb", "q"));
    }

    @Test
    void queryFromAParsedHead() {
        Wire.Parsed p = Wire.ok("GET /search?q=hello+w%C3%B6rld&page=2&q=second HTTP/1.1\r\nHost: h\r\n\r\n");
        byte[] b = p.in.array();
        int start = p.in.base() + p.head.queryStart();
        assertEquals("hello w\u00f6rld", QueryString.first(b, start, p.head.queryLength(), "q", SCRATCH));
        assertEquals("2", QueryString.first(b, start, p.head.queryLength(), "page", SCRATCH));
    }
}
