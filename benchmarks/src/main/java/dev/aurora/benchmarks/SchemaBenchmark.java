package dev.aurora.benchmarks;

import dev.aurora.benchmarks.SchemaModel.Batch;
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
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code Schema.violations} on already-bound values, no JSON (the types: {@link SchemaModel}). With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is what validation allocates.
 *
 * <ul>
 *   <li>{@link #flatOrder}: a valid six-member {@code Order}, coupon null (every check but
 *       {@code @Pattern}, which {@code null} passes).</li>
 *   <li>{@link #flatOrderWithPattern}: the same with a coupon, so {@code @Pattern} runs (a
 *       {@code Matcher}).</li>
 *   <li>{@link #nestedCart}: a valid record holding a record and a list of three records.</li>
 *   <li>{@link #orders10000}: 10,000 different valid orders with coupons; one operation = all
 *       10,000.</li>
 *   <li>{@link #deep20} / {@link #deep20Invalid}: 20 nested levels, valid / blank name at the
 *       bottom (one violation at {@code /child/.../child/name}).</li>
 *   <li>{@link #batch10000} / {@link #batch10000Invalid}: a list of 10,000 records, valid / the last
 *       one out of range ({@code /items/9999/quantity}).</li>
 * </ul>
 *
 * <p>The setup checks every result first.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh SchemaBenchmark -prof gc
 * </pre>
 */
public class SchemaBenchmark extends ValidationBenchmarkDefaults {
    private Schema<Order> orderSchema;
    private Schema<Cart> cartSchema;
    private Schema<Node> nodeSchema;
    private Schema<Batch> batchSchema;
    private Order order;
    private Order orderWithCoupon;
    private Order[] orders;
    private Cart cart;
    private Node chain;
    private Node badChain;
    private Batch batch;
    private Batch badBatch;

    @Setup(Level.Trial)
    public void setUp() {
        orderSchema = Schema.of(Order.class);
        cartSchema = Schema.of(Cart.class);
        nodeSchema = Schema.of(Node.class);
        batchSchema = Schema.of(Batch.class);
        order = SchemaModel.order(1, false);
        orderWithCoupon = SchemaModel.order(1, true);
        orders = SchemaModel.orders();
        cart = SchemaModel.cart(true);
        chain = SchemaModel.chain(true);
        badChain = SchemaModel.chain(false);
        batch = SchemaModel.batch(true);
        badBatch = SchemaModel.batch(false);

        SchemaModel.expectValid(flatOrder(), "order");
        SchemaModel.expectValid(flatOrderWithPattern(), "order with coupon");
        SchemaModel.expectValid(nestedCart(), "cart");
        for (Order o : orders) {
            SchemaModel.expectValid(orderSchema.violations(o), o.toString());
        }
        SchemaModel.expectValid(deep20(), "chain");
        SchemaModel.expectOne(deep20Invalid(), SchemaModel.chainPointer(), "required", "bad chain");
        SchemaModel.expectValid(batch10000(), "batch");
        SchemaModel.expectOne(batch10000Invalid(), SchemaModel.batchPointer(), "range", "bad batch");
        SchemaModel.expectOne(cartSchema.violations(SchemaModel.cart(false)), "/lines/2/quantity", "range", "bad cart");
    }

    @Benchmark
    public List<Violation> flatOrder() {
        return orderSchema.violations(order);
    }

    @Benchmark
    public List<Violation> flatOrderWithPattern() {
        return orderSchema.violations(orderWithCoupon);
    }

    @Benchmark
    public List<Violation> nestedCart() {
        return cartSchema.violations(cart);
    }

    /** One operation validates all 10,000 orders; returns how many were invalid (0). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int orders10000() {
        int invalid = 0;
        for (Order o : orders) {
            invalid += orderSchema.violations(o).size();
        }
        return invalid;
    }

    @Benchmark
    public List<Violation> deep20() {
        return nodeSchema.violations(chain);
    }

    @Benchmark
    public List<Violation> deep20Invalid() {
        return nodeSchema.violations(badChain);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Violation> batch10000() {
        return batchSchema.violations(batch);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Violation> batch10000Invalid() {
        return batchSchema.violations(badBatch);
    }
}
