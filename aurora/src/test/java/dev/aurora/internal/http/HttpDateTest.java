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
        assertEquals(DateHeader.INVALID, DateHeader.parseHttpDate(text));
    }

    @org.junit.jupiter.api.Test
    void handWrittenDatesMatchTheJdksFormatterAcrossCenturiesAndLeapDays() {
        java.time.format.DateTimeFormatter jdk = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(42);
        long[] fixed = {0, -1, 951_782_400L /* 2000-02-29 */, 4_107_542_399L /* 2100-02-28T23:59:59 */,
            -62_135_596_800L /* 0001-01-01 */, 253_402_300_799L /* 9999-12-31T23:59:59 */, 784_111_777L};
        for (long s : fixed) {
            org.junit.jupiter.api.Assertions.assertEquals(jdk.format(java.time.Instant.ofEpochSecond(s)), DateHeader.httpDate(s),
                    "second " + s);
        }
        for (int i = 0; i < 20_000; i++) {
            long s = random.nextLong(-62_135_596_800L, 253_402_300_799L);
            org.junit.jupiter.api.Assertions.assertEquals(jdk.format(java.time.Instant.ofEpochSecond(s)), DateHeader.httpDate(s),
                    "second " + s);
        }
        org.junit.jupiter.api.Assertions.assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", DateHeader.httpDate(784_111_777L));
    }
}
