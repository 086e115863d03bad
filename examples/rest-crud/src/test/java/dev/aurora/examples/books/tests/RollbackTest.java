package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.examples.books.Book;
import dev.aurora.test.AuroraTestClient;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A replacement whose second statement fails (here its lock wait times out, after 200 ms) leaves
 * nothing of its first: the transaction is rolled back, and the answer is {@code 503}.
 */
class RollbackTest extends BooksAppTest {
    RollbackTest() {
        super(TestDatabase.create(2, Duration.ofMillis(200)));
    }

    @Test
    void nothingOfTheChangeRemainsAndTheAnswerIs503(AuroraTestClient client) throws Exception {
        Book book = Books.create(client, "Monday Begins on Saturday", "A. & B. Strugatsky", 1965, "magic");
        try (Connection lock = db.lock("SELECT * FROM book_tags WHERE book_id = ? FOR UPDATE", book.id())) {
            client.put("/books/" + book.id()).header("If-Match", book.etag())
                    .json(Books.input("Changed", book.author(), book.year(), "changed")).send()
                    .assertStatus(503)
                    .assertHeader("Retry-After", "1");
        }
        assertEquals(book, Books.get(client, book.id()), "the title's UPDATE was rolled back too");
    }
}
