package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client used from many threads at once: every request gets its own answer. */
class ParallelUseTest {
    private final Aurora app = TestApps.create();

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void inProcess() throws Exception {
        run(AuroraTestClient::of);
    }

    @Test
    void overSocket() throws Exception {
        run(AuroraTestClient::http);
    }

    private void run(Function<Aurora, AuroraTestClient> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AuroraTestClient client = clients.apply(app)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String name = "n" + i;
                answers.add(pool.submit(() -> client.get("/hello/" + name).send().assertStatus(200).bodyString()));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals("Hello, n" + i, answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
