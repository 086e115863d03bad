package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rules of a type's own: called at every depth, reported under the value's pointer, after its annotations. */
class ValidatableTest {
    record Stay(@Required LocalDate from, @Required LocalDate to) implements Validatable {
        @Override
        public void validate(Violations violations) {
            if (!to.isAfter(from)) {
                violations.add("/to", "order", "must be after from");
            }
        }
    }

    record Guest(@Required String email) {
    }

    /** No annotation of its own: only its rule makes it worth walking. */
    record Party(List<Guest> guests) implements Validatable {
        @Override
        public void validate(Violations violations) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < guests.size(); i++) {
                if (!seen.add(guests.get(i).email().toLowerCase(Locale.ROOT))) {
                    violations.add("/guests/" + i + "/email", "unique", "is already a guest");
                }
            }
        }
    }

    record Booking(Stay stay, List<Stay> more, Map<String, Party> parties) {
    }

    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final LocalDate MAY_3 = LocalDate.of(2026, 5, 3);

    @Test
    void aValidValueHasNoViolations() {
        Stay ok = new Stay(MAY_1, MAY_3);
        assertEquals(List.of(), Schema.of(Stay.class).violations(ok));
        assertSame(ok, Schema.of(Stay.class).validate(ok));
    }

    @Test
    void itsViolationsArePlacedUnderTheValuesPointerAtAnyDepth() {
        Stay backwards = new Stay(MAY_3, MAY_1);
        Booking booking = new Booking(backwards, List.of(new Stay(MAY_1, MAY_3), backwards),
                Map.of("family", new Party(List.of(new Guest("a@x.org"), new Guest("A@x.org")))));
        assertEquals(List.of(
                new Violation("/stay/to", "order", "must be after from"),
                new Violation("/more/1/to", "order", "must be after from"),
                new Violation("/parties/family/guests/1/email", "unique", "is already a guest")),
                Schema.of(Booking.class).violations(booking));
    }

    @Test
    void aTypeWithNoAnnotationsIsStillChecked() {
        assertEquals(List.of(new Violation("/guests/1/email", "unique", "is already a guest")),
                Schema.of(Party.class).violations(new Party(List.of(new Guest("b@x.org"), new Guest("b@x.org")))));
    }

    @Test
    void itRunsOnlyWhenItsContentsPassTheirAnnotations() {
        // from is null: the rule would throw, so it must not run; the annotation's violation is reported.
        assertEquals(List.of(new Violation("/from", "required", "must not be null")),
                Schema.of(Stay.class).violations(new Stay(null, MAY_1)));
        assertEquals(List.of(new Violation("/guests/0/email", "required", "must not be null")),
                Schema.of(Party.class).violations(new Party(List.of(new Guest(null)))));
    }

    record Counted(int id) implements Validatable {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public void validate(Violations violations) {
            CALLS.incrementAndGet();
            if (id < 0) {
                violations.add("", "sign", "must not be negative");
            }
        }
    }

    @Test
    void theValueItselfIsTheEmptyPointer() {
        assertEquals(List.of(new Violation("/1", "sign", "must not be negative")),
                Schema.of(Counted[].class).violations(new Counted[] {new Counted(1), new Counted(-1)}));
    }

    @Test
    void aValidValueIsCheckedOnceAndAFailingOneIsReported() {
        int before = Counted.CALLS.get();
        Schema.of(Counted.class).violations(new Counted(1));
        assertEquals(before + 1, Counted.CALLS.get());
        ValidationException e = assertThrows(ValidationException.class, () -> Schema.of(Counted.class).validate(new Counted(-2)));
        assertEquals(List.of(new Violation("", "sign", "must not be negative")), e.violations());
    }

    record Misplaced(int id) implements Validatable {
        @Override
        public void validate(Violations violations) {
            violations.add("id", "x", "no slash");
        }
    }

    @Test
    void aPointerWithoutItsSlashIsAProgrammingError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schema.of(Misplaced.class).violations(new Misplaced(1)));
        assertEquals("A JSON Pointer is empty or starts with /: id", e.getMessage());
    }
}
