package dev.aurora.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;

/** An HttpException can record its cause, as any exception can, and keeps Throwable's rules for it. */
class HttpExceptionCauseTest {
    @Test
    void aCauseCanBeRecordedOnceAndShowsInTheStackTrace() {
        SQLTransientException timeout = new SQLTransientException("pool timeout");
        HttpException e = new ServiceUnavailableException("database busy").header("Retry-After", "1");
        assertNull(e.getCause());
        assertSame(e, e.initCause(timeout));
        assertSame(timeout, e.getCause());
        assertThrows(IllegalStateException.class, () -> e.initCause(new RuntimeException("second")));
        assertSame(timeout, e.getCause());
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        assertTrue(trace.toString(StandardCharsets.UTF_8).contains("Caused by: java.sql.SQLTransientException: pool timeout"),
                trace::toString);
        assertEquals("database busy", e.getMessage(), "the client-facing message is unchanged");
    }

    @Test
    void anExceptionCannotBeItsOwnCause() {
        HttpException e = new ConflictException("taken");
        assertThrows(IllegalArgumentException.class, () -> e.initCause(e));
        assertNull(e.getCause());
    }
}
