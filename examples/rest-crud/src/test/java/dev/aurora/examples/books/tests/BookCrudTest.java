package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.HttpDate;
import dev.aurora.examples.books.Book;
import dev.aurora.examples.books.BookInput;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create, read, replace and delete, with the statuses, headers and problems of each. */
class BookCrudTest extends BooksAppTest {

    @BothTransports
    void createAnswers201WithLocationETagAndTheStoredBook(AuroraTestClient client) {
        var response = client.post("/books")
                .json(Books.input("A Wizard of Earthsea", "Ursula K. Le Guin", 1968, "Fantasy", " magic ", "fantasy"))
                .send()
                .assertStatus(201)
                .assertHeader("Content-Type", "application/json")
                .assertHeader("ETag", "\"1\"");
        Book book = response.json(Book.class);
        assertEquals("/books/" + book.id(), response.header("Location"));
        assertEquals("A Wizard of Earthsea", book.title());
        assertEquals(1968, book.year());
        assertNull(book.isbn());
        assertEquals(List.of("fantasy", "magic"), book.tags(), "lower-case, each once, sorted");
        assertEquals(1, book.version());
        assertNull(book.cover());

        Book read = Books.get(client, book.id());
        assertEquals(book, read);
    }

    @Test
    void readCarriesTheValidatorsAndAnUnknownBookIs404(AuroraTestClient client) {
        Book book = Books.create(client, "Kindred", "Octavia E. Butler", 1979);
        client.get("/books/" + book.id()).send()
                .assertStatus(200)
                .assertHeader("ETag", "\"1\"")
                .assertHeader("Cache-Control", "private, no-cache");
        assertTrue(client.get("/books/" + book.id()).send().header("Last-Modified").endsWith(" GMT"));

        Problem missing = client.get("/books/999999").send()
                .assertStatus(404)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals("No book 999999", missing.detail());
        assertEquals("/books/999999", missing.instance());
    }

    @Test
    void anIdThatIsNotANumberIs400NamingTheParameter(AuroraTestClient client) {
        Problem problem = client.get("/books/abc").send().assertStatus(400).problem();
        assertTrue(problem.detail().contains("id"), problem.detail());
    }

    @Test
    void replaceWithIfMatchStoresTheNewVersionAndItsTags(AuroraTestClient client) {
        Book book = Books.create(client, "Parable of the Sower", "Octavia E. Butler", 1993, "dystopia");

        var response = client.put("/books/" + book.id()).header("If-Match", book.etag())
                .json(Books.input("Parable of the Sower", "Octavia E. Butler", 1993, "climate", "faith"))
                .send()
                .assertStatus(200)
                .assertHeader("ETag", "\"2\"");
        Book changed = response.json(Book.class);
        assertEquals(HttpDate.format(changed.updatedAt()), response.header("Last-Modified"), "the new version's date");
        assertEquals(2, changed.version());
        assertEquals(List.of("climate", "faith"), changed.tags(), "the old tags are gone");
        assertEquals(changed, Books.get(client, book.id()));
    }

    @Test
    void deleteWithIfMatchIs204AndTheBookIsGone(AuroraTestClient client) {
        Book book = Books.create(client, "Dawn", "Octavia E. Butler", 1987, "xenogenesis");

        var response = client.delete("/books/" + book.id()).header("If-Match", book.etag()).send()
                .assertStatus(204)
                .assertBody("");
        assertNull(response.header("ETag"));
        client.get("/books/" + book.id()).send().assertStatus(404);
        client.delete("/books/" + book.id()).header("If-Match", book.etag()).send().assertStatus(404);
    }

    @Test
    void aSecondBookWithTheSameIsbnIs409(AuroraTestClient client) {
        Books.create(client, new BookInput("The Left Hand of Darkness", "Ursula K. Le Guin", 1969, "9780441478125",
                List.of()));
        Problem conflict = client.post("/books")
                .json(new BookInput("Copy", "Someone", 2000, "9780441478125", List.of()))
                .send()
                .assertStatus(409)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals("Another book has ISBN 9780441478125", conflict.detail());

        Book other = Books.create(client, "Lathe of Heaven", "Ursula K. Le Guin", 1971);
        client.put("/books/" + other.id()).header("If-Match", other.etag())
                .json(new BookInput("Lathe of Heaven", "Ursula K. Le Guin", 1971, "9780441478125", List.of()))
                .send()
                .assertStatus(409);
        assertEquals(1, Books.get(client, other.id()).version(), "the failed change left no trace");
    }
}
