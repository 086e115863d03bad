package dev.aurora.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTextTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "65536, 65536",
        "10_000, 10000",
        "12B, 12",
        "1KB, 1000",
        "1KiB, 1024",
        "64kib, 65536",
        "10MB, 10000000",
        "10 MiB, 10485760",
        "2GB, 2000000000",
        "2GiB, 2147483648",
        "8589934591GiB, 9223372035781033984",
    })
    void parses(String text, String bytes) {
        assertEquals(Long.parseLong(bytes), ByteSizeText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MiB", "-1", "1.5MiB", "10TB", "ten", "1 2"})
    void refusesWhatIsNotASize(String text) {
        assertThrows(IllegalArgumentException.class, () -> ByteSizeText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8589934593GiB", "99999999999999999999"})
    void refusesOverflow(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizeText.parse(text));
        assertEquals("'" + text + "' is too large", e.getMessage());
    }
}
