package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exception carries the violations and renders them as the problem body's errors array. */
class ValidationExceptionTest {
    @Test
    void detailsHoldAnErrorsArray() {
        List<Violation> vs = List.of(new Violation("/a", "required", "must not be null"),
                new Violation("/b/0", "range", "must be at most 3"));
        ValidationException e = new ValidationException(vs);
        assertInstanceOf(BadRequestException.class, e);
        assertEquals(400, e.status());
        assertEquals("2 invalid values", e.getMessage());
        assertEquals(vs, e.violations());
        assertEquals(Map.of("errors", List.of(
                Map.of("pointer", "/a", "code", "required", "message", "must not be null"),
                Map.of("pointer", "/b/0", "code", "range", "message", "must be at most 3"))), e.details());
    }

    @Test
    void recordsNoStackTrace() {
        assertEquals(0, new ValidationException(List.of(new Violation("", "required", "x"))).getStackTrace().length);
    }

    @Test
    void oneViolationReadsSingular() {
        assertEquals("1 invalid value", new ValidationException(List.of(new Violation("", "required", "x"))).getMessage());
    }

    @Test
    void violationsAreCopied() {
        List<Violation> vs = new ArrayList<>(List.of(new Violation("/a", "required", "x")));
        ValidationException e = new ValidationException(vs);
        vs.clear();
        assertEquals(1, e.violations().size());
    }

    @Test
    void needsAtLeastOneViolation() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
        assertThrows(NullPointerException.class, () -> new Violation(null, "c", "m"));
    }
}
