package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One schema shared by many threads gives each its own, correct answer. */
class ConcurrentValidationTest {
    record Line(@Required String sku, @Range(min = 1, max = 99) int qty) {
    }

    record Cart(@Length(min = 1, max = 50) List<Line> lines) {
    }

    @Test
    void manyThreadsShareOneSchema() throws Exception {
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Schema<Cart> schema = Schema.of(Cart.class); // first use races too
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < 2_000; i++) {
                        int bad = (seed + i) % 5; // 0 to 4 invalid lines
                        List<Line> lines = new ArrayList<>();
                        for (int j = 0; j < 5; j++) {
                            lines.add(j < bad ? new Line("s" + j, 0) : new Line("s" + j, 1));
                        }
                        List<Violation> got = schema.violations(new Cart(lines));
                        assertEquals(bad, got.size());
                        for (int j = 0; j < bad; j++) {
                            assertEquals("/lines/" + j + "/qty", got.get(j).pointer());
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertEquals(2_000, f.get());
            }
        }
    }
}
