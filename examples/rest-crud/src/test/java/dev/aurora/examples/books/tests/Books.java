package dev.aurora.examples.books.tests;

import dev.aurora.examples.books.Book;
import dev.aurora.examples.books.BookInput;
import dev.aurora.examples.books.BookPage;
import dev.aurora.test.AuroraTestClient;
import java.util.List;

/** Test data: books made through the API, as a client would make them. */
final class Books {
    private Books() {
    }

    static BookInput input(String title, String author, int year, String... tags) {
        return new BookInput(title, author, year, null, List.of(tags));
    }

    static Book create(AuroraTestClient client, BookInput input) {
        return client.post("/books").json(input).send().assertStatus(201).json(Book.class);
    }

    static Book create(AuroraTestClient client, String title, String author, int year, String... tags) {
        return create(client, input(title, author, year, tags));
    }

    static Book get(AuroraTestClient client, long id) {
        return client.get("/books/" + id).send().assertStatus(200).json(Book.class);
    }

    static long count(AuroraTestClient client) {
        return client.get("/books").send().assertStatus(200).json(BookPage.class).total();
    }
}
