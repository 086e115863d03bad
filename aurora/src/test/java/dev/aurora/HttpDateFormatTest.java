package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpDateFormatTest {
    @Test
    void formatsWholeSecondsInGmt() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(Instant.parse("1994-11-06T08:49:37.999Z")));
    }

    @Test
    void readsWhatItWrites() {
        Instant t = Instant.parse("2026-12-04T23:01:02Z");
        assertEquals(Optional.of(t), HttpDate.parse(HttpDate.format(t)));
    }

    @Test
    void theSecondBeforeTheEpochIsADateLikeAnyOther() {
        assertEquals(Optional.of(Instant.ofEpochSecond(-1)), HttpDate.parse("Wed, 31 Dec 1969 23:59:59 GMT"));
    }

    @Test
    void nothingOrNoDateIsEmpty() {
        assertEquals(Optional.empty(), HttpDate.parse(null));
        assertEquals(Optional.empty(), HttpDate.parse("tomorrow"));
        assertEquals(Optional.empty(), HttpDate.parse("Sun, 06 Nov 1994 08:49:37 PST"));
    }
}
