package dev.aurora.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("port", "host", "maxBodySize", "keepAliveTimeout", "tls.certFile");

    @Test
    void suggestsTyposTranspositionsAndOtherSpellings() {
        assertEquals("port", DidYouMean.closest("prot", KEYS));
        assertEquals("port", DidYouMean.closest("pot", KEYS));
        assertEquals("maxBodySize", DidYouMean.closest("max_body_siz", KEYS));
        assertEquals("maxBodySize", DidYouMean.closest("MAX-BODY-SIZE", KEYS));
        assertEquals("tls.certFile", DidYouMean.closest("TLS_CERTFILE", KEYS));
        assertEquals("keepAliveTimeout", DidYouMean.closest("keepAlive", KEYS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertNull(DidYouMean.closest("database", KEYS));
        assertNull(DidYouMean.closest("x", KEYS));
        assertNull(DidYouMean.closest("kee", KEYS));
        assertEquals("", DidYouMean.hint("zzzz", KEYS));
        assertEquals(" (did you mean host?)", DidYouMean.hint("hots", KEYS));
    }

    @Test
    void distanceCountsEditsAndAdjacentSwaps() {
        assertEquals(0, DidYouMean.distance("abc", "abc"));
        assertEquals(1, DidYouMean.distance("abc", "acb"));
        assertEquals(1, DidYouMean.distance("abc", "ab"));
        assertEquals(3, DidYouMean.distance("", "abc"));
        assertEquals(2, DidYouMean.distance("kitten", "sittin"));
    }
}
