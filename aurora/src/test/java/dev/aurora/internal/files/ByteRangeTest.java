package dev.aurora.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
    @ParameterizedTest
    @CsvSource({
        "bytes=0-0, 0, 0",
        "bytes=0-499, 0, 499",
        "bytes=500-999, 500, 999",
        "bytes=500-, 500, 999",
        "bytes=-500, 500, 999",
        "bytes=-5000, 0, 999",
        "bytes=900-5000, 900, 999",
        "BYTES=1-2, 1, 2",
        "bytes= 1-2 , 1, 2",
    })
    void satisfiable(String header, long first, long last) {
        ByteRange.Result result = ByteRange.parse(header, 1000);
        assertEquals(new ByteRange.Satisfiable(new ByteRange(first, last)), result);
        assertEquals(last - first + 1, ((ByteRange.Satisfiable) result).range().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0"})
    void unsatisfiable(String header) {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse(header, 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1", "items=0-1", "bytes=0-1,5-6",
        "bytes=1-2-3", "bytes=99999999999999999999-", "bytes=+1-2"})
    void ignored(String header) {
        assertInstanceOf(ByteRange.Ignore.class, ByteRange.parse(header, 1000));
    }

    @Test
    void nullAndEmptyFiles() {
        assertInstanceOf(ByteRange.Ignore.class, ByteRange.parse(null, 10));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=0-", 0));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=-1", 0));
    }
}
