package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ten thousand routes under one node: every one is found, with its params, and near-misses are not. */
class ManyRoutesTest {
    private static final Arena SCRATCH = new Arena(4, 4);
    private static final int COUNT = 10_000;

    @Test
    void everyOneOfTenThousandRoutesMatches() {
        RouteTree.Builder<Integer> builder = RouteTree.builder();
        for (int i = 0; i < COUNT; i++) {
            builder.add("GET", "/r" + i + "/items/:id", i, "Many.java:" + i);
            builder.add("GET", "/s" + i, -i - 1, "Many.java:" + i);
        }
        RouteTree<Integer> tree = builder.build();
        RouteMatch match = tree.newMatch();
        for (int i = 0; i < COUNT; i++) {
            byte[] param = ("/r" + i + "/items/" + (i * 31)).getBytes(StandardCharsets.US_ASCII);
            Endpoint<Integer> endpoint = tree.find(param, 0, param.length, match);
            assertNotNull(endpoint, "/r" + i);
            assertEquals(i, endpoint.handler("GET"));
            assertEquals("/r" + i + "/items/:id", endpoint.pattern());
            assertEquals(String.valueOf(i * 31), match.value(param, 0, SCRATCH));

            byte[] fixed = ("/s" + i).getBytes(StandardCharsets.US_ASCII);
            Endpoint<Integer> staticEndpoint = tree.find(fixed, 0, fixed.length, match);
            assertNotNull(staticEndpoint, "/s" + i);
            assertEquals(-i - 1, staticEndpoint.handler("GET"));
            assertEquals(0, match.count());
        }
        for (String miss : new String[] {"/s" + COUNT, "/r" + COUNT + "/items/1", "/r1/items", "/s1/x", "/r", "/s"}) {
            byte[] b = miss.getBytes(StandardCharsets.US_ASCII);
            assertNull(tree.find(b, 0, b.length, match), miss);
        }
    }
}
