package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.lang.reflect.RecordComponent;

/** Test-side checks shared by the configuration records' tests. */
final class RecordCopies {
    private RecordCopies() {
    }

    /** Asserts that {@code copy} differs from {@code original} in {@code component} and nowhere else. */
    static <R extends Record> void assertOnlyChanged(R original, R copy, String component) throws Exception {
        assertNotSame(original, copy);
        for (RecordComponent rc : original.getClass().getRecordComponents()) {
            Object before = rc.getAccessor().invoke(original);
            Object after = rc.getAccessor().invoke(copy);
            if (rc.getName().equals(component)) {
                assertNotEquals(before, after, component + " was not changed");
            } else {
                assertEquals(before, after, rc.getName() + " changed by with" + component);
            }
        }
    }
}
