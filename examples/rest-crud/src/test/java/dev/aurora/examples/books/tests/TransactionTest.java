package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.examples.books.Book;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Eventually;
import dev.aurora.test.TestResponse;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replacement updates the book's row, then its tags, in one transaction. The test holds row
 * locks on its own connection to stop a change half-way, as a slow concurrent transaction would.
 */
class TransactionTest extends BooksAppTest {
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopBackground() {
        background.close();
    }

    @Test
    void aReaderSeesNeitherHalfOfAChangeInProgress(AuroraTestClient client) throws Exception {
        Book book = Books.create(client, "Roadside Picnic", "A. & B. Strugatsky", 1972, "zone");
        Future<TestResponse> change;
        try (Connection lock = db.lock("SELECT * FROM book_tags WHERE book_id = ? FOR UPDATE", book.id())) {
            change = background.submit(() -> replace(book, "Roadside Picnic (revised)", "stalker"));
            // The change has updated the book's row and waits to delete the old tags.
            Eventually.until(db::waitingSessions, n -> n == 1);
            assertEquals(book, Books.get(client, book.id()), "neither the new title nor the new tags yet");
        }
        Book changed = change.get().assertStatus(200).json(Book.class);
        assertEquals("Roadside Picnic (revised)", changed.title());
        assertEquals(List.of("stalker"), changed.tags());
        assertEquals(changed, Books.get(client, book.id()));
    }

    @Test
    void ofTwoWritersOfTheSameVersionOnlyOneWins(AuroraTestClient client) throws Exception {
        Book book = Books.create(client, "Hard to Be a God", "A. & B. Strugatsky", 1964);
        Future<TestResponse> first;
        Future<TestResponse> second;
        try (Connection lock = db.lock("SELECT * FROM books WHERE id = ? FOR UPDATE", book.id())) {
            first = background.submit(() -> replace(book, "First", "first"));
            second = background.submit(() -> replace(book, "Second", "second"));
            // Both passed the If-Match check of version 1 and wait to update the row.
            Eventually.until(db::waitingSessions, n -> n == 2);
        }
        List<TestResponse> answers = List.of(first.get(), second.get());
        assertEquals(List.of(200, 412), answers.stream().map(TestResponse::status).sorted().toList());
        Book winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json(Book.class);
        assertEquals(2, winner.version());
        assertEquals(List.of(winner.title().toLowerCase()), winner.tags(), "the winner's tags, not a mix");
        assertEquals(winner, Books.get(client, book.id()));
    }

    private TestResponse replace(Book book, String title, String... tags) {
        return AuroraTestClient.of(app()).put("/books/" + book.id()).header("If-Match", book.etag())
                .json(Books.input(title, book.author(), book.year(), tags)).send();
    }
}
