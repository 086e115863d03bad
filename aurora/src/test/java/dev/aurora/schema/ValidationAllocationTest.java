package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.internal.mem.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A valid flat value is checked without allocating, once the JIT has compiled the path. */
class ValidationAllocationTest {
    enum Plan { FREE, PRO }

    record Signup(@Required @Length(min = 3, max = 20) String user, @Email String email,
            @OneOf({"en", "de", "fr"}) String lang, @Range(min = 13, max = 130) int age,
            @Range(min = 0, max = 1) double ratio, @Range(min = 1, max = 9) Long invites,
            @Required Plan plan, boolean terms) {
    }

    @Test
    void validFlatRecordAllocatesNothing() {
        assumeTrue(Allocations.supported());
        Schema<Signup> schema = Schema.of(Signup.class);
        Signup ok = new Signup("alice", "alice@example.com", "de", 30, 0.5, 3L, Plan.PRO, true);
        for (int i = 0; i < 200_000; i++) { // warm-up: let the JIT compile the fast pass
            schema.validate(ok);
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) { // the least of a few rounds, against stray JIT work
            long before = Allocations.allocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                schema.validate(ok);
            }
            least = Math.min(least, Allocations.allocatedBytes() - before);
        }
        assertEquals(0, least, "bytes allocated by 10,000 validations");
        assertEquals(List.of(), schema.violations(ok));
    }
}
