package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDateTest {
    private static final long EXAMPLE = Instant.parse("1994-11-06T08:49:37Z").getEpochSecond();

    @Test
    void formatsImfFixdate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", DateHeader.httpDate(EXAMPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
        " Sun, 06 Nov 1994 08:49:37 GMT "})
    void parsesTheThreeFormsOfRfc9110(String text) {
        assertEquals(EXAMPLE, DateHeader.parseHttpDate(text));
    }

    @Test
    void twoDigitYearsAreNeverFarInTheFuture() {
        assertEquals(Instant.parse("2049-01-01T00:00:00Z").getEpochSecond(), DateHeader.parseHttpDate("Friday, 01-Jan-49 00:00:00 GMT"));
        assertEquals(Instant.parse("1950-01-01T00:00:00Z").getEpochSecond(), DateHeader.parseHttpDate("Sunday, 01-Jan-50 00:00:00 GMT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 06 Nov 1994", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 PST"})
    void refusesAnythingElse(String text) {
        assertEquals(-1, DateHeader.parseHttpDate(text));
    }
}
