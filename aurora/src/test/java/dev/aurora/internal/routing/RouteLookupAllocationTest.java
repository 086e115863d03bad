package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.internal.mem.Allocations;
import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code find} allocates nothing, for static, parameter, catch-all and missing routes alike: measured
 * with the per-thread allocation counter of {@code com.sun.management.ThreadMXBean}.
 */
class RouteLookupAllocationTest {
    private static final Arena SCRATCH = new Arena(4, 4);
    private static final int LOOKUPS = 10_000;

    @Test
    void lookupsAllocateNothing() {
        Assumptions.assumeTrue(Allocations.supported(), "per-thread allocation counter not supported");
        RouteTree.Builder<String> builder = RouteTree.builder();
        for (int i = 0; i < 100; i++) {
            builder.add("GET", "/api/v1/res" + i + "/list", "static" + i, "Alloc.java:1");
            builder.add("GET", "/api/v1/res" + i + "/:id/items/:item", "param" + i, "Alloc.java:2");
        }
        builder.add("GET", "/files/*path", "files", "Alloc.java:3");
        RouteTree<String> tree = builder.build();
        RouteMatch match = tree.newMatch();
        byte[] fixed = "GET /api/v1/res42/list HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        byte[] param = "GET /api/v1/res42/12345/items/678 HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = "GET /files/a/b/c HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        byte[] miss = "GET /api/v1/res42/12345/orders/678 HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        int fixedLength = 18;
        int paramLength = 29;
        int restLength = 12;
        int missLength = 30;
        assertEquals("static42", tree.find(fixed, 4, fixedLength, match).handler("GET"));
        assertEquals("param42", tree.find(param, 4, paramLength, match).handler("GET"));
        assertNotNull(tree.find(rest, 4, restLength, match));
        assertEquals("a/b/c", match.value(rest, 0, SCRATCH));
        assertNull(tree.find(miss, 4, missLength, match));

        int found = 0;
        for (int round = 0; round < 20; round++) { // warm up, so JIT compilation is not counted
            found += lookups(tree, match, fixed, fixedLength, param, paramLength, rest, restLength, miss, missLength);
        }
        Allocations.allocatedBytes();
        long before = Allocations.allocatedBytes();
        found += lookups(tree, match, fixed, fixedLength, param, paramLength, rest, restLength, miss, missLength);
        long allocated = Allocations.allocatedBytes() - before;
        assertEquals(21 * 3 * LOOKUPS, found);
        assertTrue(allocated < 1024, allocated + " bytes allocated by " + 4 * LOOKUPS + " lookups");
    }

    private static int lookups(RouteTree<String> tree, RouteMatch match, byte[] fixed, int fixedLength, byte[] param,
            int paramLength, byte[] rest, int restLength, byte[] miss, int missLength) {
        int found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            found += tree.find(fixed, 4, fixedLength, match) != null ? 1 : 0;
            found += tree.find(param, 4, paramLength, match) != null ? 1 : 0;
            found += tree.find(rest, 4, restLength, match) != null ? 1 : 0;
            found += tree.find(miss, 4, missLength, match) != null ? 1 : 0;
        }
        return found;
    }
}
