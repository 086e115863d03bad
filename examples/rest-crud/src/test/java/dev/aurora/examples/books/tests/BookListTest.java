package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.examples.books.Book;
import dev.aurora.examples.books.BookPage;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import dev.aurora.test.TestRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /books}: pages, filters, orders and the refusal of a bad query. */
class BookListTest extends BooksAppTest {
    @BeforeEach
    void books(AuroraTestClient client) {
        Books.create(client, "The Dispossessed", "Ursula K. Le Guin", 1974, "sf", "utopia");
        Books.create(client, "Kindred", "Octavia E. Butler", 1979, "sf", "time-travel");
        Books.create(client, "Middlemarch", "George Eliot", 1871, "classic");
        Books.create(client, "100% Pure", "Nobody", 2001);
        Books.create(client, "A Wizard of Earthsea", "Ursula K. Le Guin", 1968, "fantasy");
        Books.create(client, "Bleak House", "Charles Dickens", 1853, "classic");
        Books.create(client, "Dawn", "Octavia E. Butler", 1987, "sf");
    }

    @Test
    void pagesSplitTheListAndCountEveryBook(AuroraTestClient client) {
        BookPage first = page(client.get("/books").query("size", "3"));
        assertEquals(7, first.total());
        assertEquals(1, first.page());
        assertEquals(3, first.size());
        assertEquals(List.of("The Dispossessed", "Kindred", "Middlemarch"), titles(first));

        BookPage last = page(client.get("/books").query("size", "3").query("page", "3"));
        assertEquals(List.of("Dawn"), titles(last));
        assertEquals(List.of(), titles(page(client.get("/books").query("size", "3").query("page", "4"))));
        assertEquals(20, page(client.get("/books")).size(), "the default page size");
    }

    @Test
    void filtersCombine(AuroraTestClient client) {
        assertEquals(List.of("The Dispossessed", "A Wizard of Earthsea"),
                titles(page(client.get("/books").query("author", "le GUIN"))), "author contains, any case");
        assertEquals(List.of("The Dispossessed", "Kindred", "Dawn"), titles(page(client.get("/books").query("tag", "SF"))));
        assertEquals(List.of("Kindred", "Dawn"),
                titles(page(client.get("/books").query("tag", "sf").query("author", "butler"))));
        assertEquals(List.of("The Dispossessed", "Kindred"),
                titles(page(client.get("/books").query("from", "1970").query("to", "1980"))));
        assertEquals(List.of("Bleak House"), titles(page(client.get("/books").query("q", "bleak"))));
    }

    @Test
    void likeCharactersInATermMatchOnlyThemselves(AuroraTestClient client) {
        assertEquals(List.of("100% Pure"), titles(page(client.get("/books").query("q", "0%"))));
        assertEquals(List.of(), titles(page(client.get("/books").query("q", "_"))));
    }

    @Test
    void sortOrdersByTitleOrYear(AuroraTestClient client) {
        assertEquals(List.of("100% Pure", "A Wizard of Earthsea", "Bleak House"),
                titles(page(client.get("/books").query("sort", "title").query("size", "3"))));
        assertEquals(List.of("Bleak House", "Middlemarch", "A Wizard of Earthsea"),
                titles(page(client.get("/books").query("sort", "YEAR").query("size", "3"))));
    }

    @Test
    void aBadQueryIs400WithEveryViolation(AuroraTestClient client) {
        Problem problem = client.get("/books").query("size", "500").query("page", "0").send()
                .assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals(List.of(new Violation("/page", "range", "must be between 1 and 100000"),
                new Violation("/size", "range", "must be between 1 and 100")), problem.violations());

        assertEquals(List.of(new Violation("/size", "type", "must be an int")),
                client.get("/books").query("size", "ten").send().assertStatus(400).problem().violations());
        assertEquals(List.of(new Violation("", "invalid", "from must not be after to: 2000 > 1990")),
                client.get("/books").query("from", "2000").query("to", "1990").send().assertStatus(400)
                        .problem().violations());
    }

    @Test
    void unknownParametersAreIgnored(AuroraTestClient client) {
        assertEquals(7, page(client.get("/books").query("utm_source", "newsletter")).total());
    }

    private static BookPage page(TestRequest request) {
        return request.send().assertStatus(200).assertHeader("Content-Type", "application/json")
                .json(BookPage.class);
    }

    private static List<String> titles(BookPage page) {
        return page.items().stream().map(Book::title).toList();
    }
}
