package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Threads released together validate a mix of valid and invalid values of several types through
 * shared schemas (built by whichever thread comes first), each in its own order, and every answer
 * must equal the violations written out here: pointers, codes and messages.
 */
class SchemaConcurrencyTest {
    record Order(@Required @Length(min = 1, max = 40) String customer, @Email String contact,
            @OneOf({"standard", "express"}) String shipping, @Range(min = 1, max = 99) int quantity,
            @Pattern("[A-Z]{4}-[0-9]{4}") String coupon) {
    }

    record Line(@Required String sku, @Range(min = 1, max = 99) int quantity) {
    }

    record Cart(@Length(min = 1, max = 5) List<Line> lines, Map<String, Line> extras) {
    }

    record Node(@Required String name, Node child) {
    }

    /** A value, its type and exactly the violations it must give. */
    private record Case(Class<?> type, Object value, List<Violation> expected) {
    }

    private static final int THREADS = 8;
    private static final int ROUNDS = 500;

    private static Violation v(String pointer, String code, String message) {
        return new Violation(pointer, code, message);
    }

    private static Node chain(int depth, String bottom) {
        Node n = new Node(bottom, null);
        for (int i = depth - 2; i >= 0; i--) {
            n = new Node("n" + i, n);
        }
        return n;
    }

    private static List<Case> cases() {
        List<Line> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(new Line("s" + i, i == 5 ? 100 : 1));
        }
        Map<String, Line> extras = new LinkedHashMap<>();
        extras.put("gift/wrap", new Line(" ", 1));
        return List.of(
                new Case(Order.class, new Order("ann", "ann@example.com", "express", 3, "SAVE-0001"), List.of()),
                new Case(Order.class, new Order(" ", "ann@", "drone", 0, "save"), List.of(
                        v("/customer", "required", "must not be blank"),
                        v("/contact", "email", "must be a valid email address"),
                        v("/shipping", "oneOf", "must be one of standard, express"),
                        v("/quantity", "range", "must be between 1 and 99"),
                        v("/coupon", "pattern", "must match [A-Z]{4}-[0-9]{4}"))),
                new Case(Order.class, new Order(null, null, null, 99, null), List.of(
                        v("/customer", "required", "must not be null"))),
                new Case(Cart.class, new Cart(List.of(new Line("a", 1), new Line("b", 2)), Map.of()), List.of()),
                new Case(Cart.class, new Cart(many, extras), List.of(
                        v("/lines", "length", "length must be between 1 and 5"),
                        v("/lines/5/quantity", "range", "must be between 1 and 99"),
                        v("/extras/gift~1wrap/sku", "required", "must not be blank"))),
                new Case(Node.class, chain(20, "leaf"), List.of()),
                new Case(Node.class, chain(20, null), List.of(
                        v("/child".repeat(19) + "/name", "required", "must not be null"))));
    }

    @Test
    void sharedSchemasGiveEveryThreadExactlyItsAnswers() throws Exception {
        List<Case> cases = cases();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Map<Class<?>, Schema<?>>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    Map<Class<?>, Schema<?>> schemas = new LinkedHashMap<>();
                    for (int i = 0; i < ROUNDS * cases.size(); i++) {
                        Case c = cases.get((i + offset) % cases.size());
                        @SuppressWarnings("unchecked")
                        Schema<Object> schema = (Schema<Object>) schemas.computeIfAbsent(c.type(), Schema::of);
                        assertEquals(c.expected(), schema.violations(c.value()), c.value().toString());
                    }
                    return schemas;
                }));
            }
            start.countDown();
            Map<Class<?>, Schema<?>> first = results.getFirst().get();
            assertEquals(3, first.size());
            for (Future<Map<Class<?>, Schema<?>>> f : results) {
                Map<Class<?>, Schema<?>> got = f.get();
                for (Class<?> type : first.keySet()) {
                    assertSame(first.get(type), got.get(type), "one schema per type");
                }
            }
        }
    }
}
