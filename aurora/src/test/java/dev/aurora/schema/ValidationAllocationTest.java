package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.internal.mem.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A valid flat value is checked without allocating, once the JIT has compiled the path. */
class ValidationAllocationTest {
    enum Tier { FREE, PRO }

    record Signup(@Required @Length(min = 3, max = 20) String user, @Email String email,
            @OneOf({"en", "de", "fr"}) String lang, @Range(min = 13, max = 130) int age,
            @Range(min = 0, max = 1) double ratio, @Range(min = 1, max = 9) Long invites,
            @Required Tier tier, boolean terms) {
    }

    record Profile(@Required Signup signup, @Length(max = 40) String bio) {
    }

    record Sku(@Required @Pattern("[A-Z]{3}-\\d{4}") String code, @Pattern("[a-z]+") String tag) {
    }

    @Test
    void validNestedRecordAllocatesNothing() {
        assumeTrue(Allocations.supported());
        Schema<Profile> schema = Schema.of(Profile.class);
        Profile ok = new Profile(new Signup("bob", "bob@example.org", "en", 40, 1, null, Tier.FREE, false), "hi");
        assertEquals(0, leastBytesAfterWarmUp(() -> schema.validate(ok)), "bytes allocated by 10,000 validations");
    }

    /** Warms the JIT up, then takes the least of a few rounds, against stray background work. */
    private static long leastBytesAfterWarmUp(Runnable validation) {
        for (int i = 0; i < 200_000; i++) {
            validation.run();
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = Allocations.allocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                validation.run();
            }
            least = Math.min(least, Allocations.allocatedBytes() - before);
        }
        return least;
    }

    @Test
    void validPatternFieldsAllocateNothing() {
        assumeTrue(Allocations.supported());
        Schema<Sku> schema = Schema.of(Sku.class);
        Sku ok = new Sku("ABC-1234", "shoes");
        assertEquals(0, leastBytesAfterWarmUp(() -> schema.validate(ok)), "bytes allocated by 10,000 validations");
        assertEquals(List.of(new Violation("/code", "pattern", "must match [A-Z]{3}-\\d{4}"),
                new Violation("/tag", "pattern", "must match [a-z]+")), schema.violations(new Sku("abc-1234", "Shoes")));
    }

    @Test
    void validFlatRecordAllocatesNothing() {
        assumeTrue(Allocations.supported());
        Schema<Signup> schema = Schema.of(Signup.class);
        Signup ok = new Signup("alice", "alice@example.com", "de", 30, 0.5, 3L, Tier.PRO, true);
        assertEquals(0, leastBytesAfterWarmUp(() -> schema.validate(ok)), "bytes allocated by 10,000 validations");
        assertEquals(List.of(), schema.violations(ok));
    }
}
