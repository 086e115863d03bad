package dev.aurora.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({
        "30s, PT30S",
        "250ms, PT0.25S",
        "1h30m, PT1H30M",
        "1h 30m, PT1H30M",
        "2d, PT48H",
        "5min, PT5M",
        "1500us, PT0.0015S",
        "7ns, PT0.000000007S",
        "0s, PT0S",
        "PT30S, PT30S",
        "pt1m, PT1M",
        "-PT5S, PT-5S",
        "' 10s ', PT10S",
        "10S, PT10S",
    })
    void parses(String text, String iso) {
        assertEquals(Duration.parse(iso), DurationText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "10 "})
    void aBareNumberNeedsAUnit(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
        assertEquals("expected " + DurationText.EXPECTED + ", got '" + text + "' (a number needs a unit)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "ten seconds", "1.5s", "-5s", "PT", "P1X", "1s2"})
    void refusesWhatIsNotADuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"5w, w", "3sec, sec"})
    void namesAnUnknownUnit(String text, String unit) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
        assertEquals("unknown duration unit '" + unit + "' in '" + text + "': use ns, us, ms, s, m, h or d", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "9223372036854775807d"})
    void refusesOverflowInsteadOfWrapping(String text) {
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
    }
}
