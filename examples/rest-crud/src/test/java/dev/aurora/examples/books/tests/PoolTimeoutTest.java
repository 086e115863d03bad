package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.examples.books.Book;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Eventually;
import dev.aurora.test.Problem;
import dev.aurora.test.TestResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A pool of one connection, held by a request that waits for a row lock: the next request waits
 * HikariCP's connectionTimeout (250 ms here) for a connection, then gets {@code 503} with
 * {@code Retry-After}, and the pool serves again as soon as the connection is back.
 */
class PoolTimeoutTest extends BooksAppTest {
    PoolTimeoutTest() {
        super(TestDatabase.create(1, Duration.ofSeconds(10)));
    }

    @Test
    void aRequestThatFindsNoFreeConnectionIs503WithRetryAfter(AuroraTestClient client) throws Exception {
        Book book = Books.create(client, "The Invincible", "Stanisław Lem", 1964);
        Future<TestResponse> holder;
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection lock = db.lock("SELECT * FROM books WHERE id = ? FOR UPDATE", book.id())) {
            holder = background.submit(() -> AuroraTestClient.of(app()).put("/books/" + book.id())
                    .header("If-Match", book.etag()).json(Books.input("The Invincible", book.author(), 1964)).send());
            // It holds the pool's only connection while it waits for the row.
            Eventually.until(db::waitingSessions, n -> n == 1);

            Problem busy = client.get("/books").send()
                    .assertStatus(503)
                    .assertHeader("Retry-After", "1")
                    .assertHeader("Content-Type", "application/problem+json")
                    .problem();
            assertEquals("The database is busy; try again shortly", busy.detail());
            client.get("/books/" + book.id()).send().assertStatus(503);
        }
        holder.get().assertStatus(200).assertHeader("ETag", "\"2\"");
        assertEquals(2, Books.get(client, book.id()).version(), "the pool serves again");
    }
}
