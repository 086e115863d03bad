package dev.aurora.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** W3C traceparent validation: each rule of the version 00 format, a malformed header is absent. */
class TraceParentTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final String VALID = "00-" + TRACE + "-" + SPAN + "-01";

    @Test
    void validHeaderGivesTraceIdSpanIdAndFlags() {
        TraceParent parsed = TraceParent.parse(VALID);
        assertNotNull(parsed);
        assertEquals(TRACE, parsed.traceId());
        assertEquals(SPAN, parsed.spanId());
        assertEquals(1, parsed.flags());
        assertEquals(0, TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00").flags());
    }

    @Test
    void absentHeaderIsAbsent() {
        assertNull(TraceParent.parse(null));
        assertNull(TraceParent.parse(""));
    }

    @Test
    void allZeroTraceIdIsRejected() {
        assertNull(TraceParent.parse("00-" + "0".repeat(32) + "-" + SPAN + "-01"));
    }

    @Test
    void allZeroParentIdIsRejected() {
        assertNull(TraceParent.parse("00-" + TRACE + "-" + "0".repeat(16) + "-01"));
    }

    @Test
    void versionFfIsRejected() {
        assertNull(TraceParent.parse("ff-" + TRACE + "-" + SPAN + "-01"));
    }

    @Test
    void version00MustHaveExactlyFourFields() {
        assertNull(TraceParent.parse(VALID + "-extra"));
        assertNull(TraceParent.parse(VALID + " "));
    }

    @Test
    void laterVersionIsReadByItsFirstFourFields() {
        TraceParent parsed = TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01-what-comes-next");
        assertNotNull(parsed);
        assertEquals(TRACE, parsed.traceId());
        assertNotNull(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01"));
        assertNull(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01x"), "a longer header needs a '-' after the flags");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // wrong lengths: a short trace id, a short parent id, a long trace id, missing flags
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
        "00-4bf92f3577b34da6a3ce929d0e0e47366-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        // uppercase hex is not allowed anywhere
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A",
        "0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        // non-hex characters
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x",
        "zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        // wrong separators
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01",
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    })
    void malformedHeaderIsTreatedAsAbsent(String header) {
        assertNull(TraceParent.parse(header));
    }
}
