package dev.aurora.benchmarks;

import dev.aurora.benchmarks.SchemaModel.Cart;
import dev.aurora.benchmarks.SchemaModel.Node;
import dev.aurora.benchmarks.SchemaModel.Order;
import dev.aurora.schema.Schema;
import dev.aurora.schema.Violation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Several threads validate through the same {@link Schema} instances and the same values, each
 * thread cycling through valid and invalid orders, carts and chains. Every result is compared with
 * the one computed in the setup (on one thread) and a mismatch fails the run, so a finished run
 * also says the shared schemas gave every thread exactly the right answer. {@code @Threads(4)} on
 * a 2-core machine also means the threads are preempted at arbitrary points.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh SchemaConcurrency -prof gc
 * </pre>
 */
@Threads(4)
public class SchemaConcurrencyBenchmark extends ValidationBenchmarkDefaults {
    /** The schemas, values and expected answers every thread shares. */
    @State(Scope.Benchmark)
    public static class Shared {
        private final Schema<Order> orders = Schema.of(Order.class);
        private final Schema<Cart> carts = Schema.of(Cart.class);
        private final Schema<Node> nodes = Schema.of(Node.class);
        private Object[] values;
        private List<?>[] expected;

        @Setup(Level.Trial)
        public void setUp() {
            values = new Object[] {
                SchemaModel.order(7, true),
                new Order(" ", "not-an-address", "drone", "SKU-7", 0, "nope"),
                SchemaModel.cart(true),
                SchemaModel.cart(false),
                SchemaModel.chain(true),
                SchemaModel.chain(false),
            };
            expected = new List<?>[values.length];
            for (int i = 0; i < values.length; i++) {
                expected[i] = violations(i);
            }
            SchemaModel.expectValid(violations(0), "order");
            if (expected[1].size() != 5) { // customer, contact, shipping, quantity, coupon
                throw new IllegalStateException("bad order: expected 5 violations, got " + expected[1]);
            }
            SchemaModel.expectValid(violations(2), "cart");
            SchemaModel.expectOne(violations(3), "/lines/2/quantity", "range", "bad cart");
            SchemaModel.expectValid(violations(4), "chain");
            SchemaModel.expectOne(violations(5), SchemaModel.chainPointer(), "required", "bad chain");
        }

        List<Violation> violations(int i) {
            return switch (values[i]) {
                case Order o -> orders.violations(o);
                case Cart c -> carts.violations(c);
                case Node n -> nodes.violations(n);
                default -> throw new IllegalStateException(String.valueOf(values[i]));
            };
        }
    }

    /** Each thread's place in the cycle; threads start at different places. */
    @State(Scope.Thread)
    public static class Cursor {
        private static int nextStart;
        private int next;

        @Setup(Level.Trial)
        public void setUp() {
            synchronized (Cursor.class) {
                next = nextStart++;
            }
        }
    }

    /** One validation of the next value in the thread's cycle, checked against the expected answer. */
    @Benchmark
    public List<Violation> mixed(Shared shared, Cursor cursor) {
        int i = cursor.next++ % shared.values.length;
        List<Violation> got = shared.violations(i);
        if (!got.equals(shared.expected[i])) {
            throw new IllegalStateException("value " + i + ": expected " + shared.expected[i] + ", got " + got);
        }
        return got;
    }
}
