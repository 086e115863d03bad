package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.examples.books.Book;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Multipart;
import dev.aurora.test.Problem;
import org.junit.jupiter.api.Test;

/** ETags through {@code ctx.conditional}: 304 for a fresh copy, 412 for a stale write, 428 for a blind one. */
class ConditionalRequestsTest extends BooksAppTest {

    @Test
    void aCopyWithTheCurrentETagIs304WithoutABody(AuroraTestClient client) {
        Book book = Books.create(client, "Solaris", "Stanisław Lem", 1961);
        client.get("/books/" + book.id()).header("If-None-Match", "\"1\"").send()
                .assertStatus(304)
                .assertHeader("ETag", "\"1\"")
                .assertHeader("Cache-Control", "private, no-cache")
                .assertBody("");
        client.get("/books/" + book.id()).header("If-None-Match", "\"0\"").send().assertStatus(200);
    }

    @Test
    void writesWithoutIfMatchAre428AndChangeNothing(AuroraTestClient client) {
        Book book = Books.create(client, "Solaris", "Stanisław Lem", 1961);
        Problem problem = client.put("/books/" + book.id()).json(Books.input("Changed", "Someone", 2000)).send()
                .assertStatus(428)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals("Send If-Match with the ETag of the version you change (GET the book for it)", problem.detail());
        client.delete("/books/" + book.id()).send().assertStatus(428);
        client.put("/books/" + book.id() + "/cover")
                .multipart(Multipart.create().file("cover", "c.png", "image/png", new byte[] {1}))
                .send()
                .assertStatus(428);
        assertEquals(book, Books.get(client, book.id()));
    }

    @Test
    void aStaleIfMatchIs412AndTheOtherWriterKeepsItsChange(AuroraTestClient client) {
        Book book = Books.create(client, "Fiasco", "Stanisław Lem", 1986);
        // Two clients read version 1; the first one's change wins.
        client.put("/books/" + book.id()).header("If-Match", book.etag())
                .json(Books.input("Fiasco", "Stanisław Lem", 1986, "first")).send()
                .assertStatus(200);

        Problem stale = client.put("/books/" + book.id()).header("If-Match", book.etag())
                .json(Books.input("Fiasco", "Stanisław Lem", 1986, "second")).send()
                .assertStatus(412)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertNull(client.delete("/books/" + book.id()).header("If-Match", book.etag()).send()
                .assertStatus(412).header("ETag"));
        assertEquals("/books/" + book.id(), stale.instance());

        Book now = Books.get(client, book.id());
        assertEquals(2, now.version());
        assertEquals(java.util.List.of("first"), now.tags());
    }

    @Test
    void ifMatchStarOrAListWithTheCurrentTagIsAccepted(AuroraTestClient client) {
        Book book = Books.create(client, "His Master's Voice", "Stanisław Lem", 1968);
        client.put("/books/" + book.id()).header("If-Match", "\"7\", \"1\"")
                .json(Books.input("His Master's Voice", "Stanisław Lem", 1968)).send()
                .assertStatus(200)
                .assertHeader("ETag", "\"2\"");
        client.delete("/books/" + book.id()).header("If-Match", "*").send().assertStatus(204);
    }

    @Test
    void aWeakTagNeverSatisfiesIfMatch(AuroraTestClient client) {
        Book book = Books.create(client, "Eden", "Stanisław Lem", 1959);
        client.delete("/books/" + book.id()).header("If-Match", "W/\"1\"").send().assertStatus(412);
    }
}
