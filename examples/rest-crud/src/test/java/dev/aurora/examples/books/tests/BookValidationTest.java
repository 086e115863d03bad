package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies of {@code POST} and {@code PUT} are validated before a handler or the database sees them. */
class BookValidationTest extends BooksAppTest {

    @Test
    void everyBrokenConstraintIsListedAtItsPointer(AuroraTestClient client) {
        Problem problem = client.post("/books")
                .body("{\"title\":\" \",\"year\":2500,\"isbn\":\"12345\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\","
                        + "\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}", "application/json")
                .send()
                .assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals("5 invalid values", problem.detail());
        assertEquals(List.of(
                new Violation("/title", "required", "must not be blank"),
                new Violation("/author", "required", "must not be null"),
                new Violation("/year", "range", "must be between -3000 and 2100"),
                new Violation("/isbn", "pattern", "must match 97[89][0-9]{10}"),
                new Violation("/tags", "length", "length must be at most 10")), problem.violations());
        assertEquals(0, Books.count(client), "nothing was stored");
    }

    @Test
    void aValueOfTheWrongTypeOrAnUnknownMemberIsRefused(AuroraTestClient client) {
        assertEquals(List.of(new Violation("/year", "type", "must be an integer")),
                post(client, "{\"title\":\"T\",\"author\":\"A\",\"year\":\"1999\"}").violations());
        assertEquals("unknown", post(client, "{\"title\":\"T\",\"author\":\"A\",\"year\":1999,\"pages\":3}")
                .violations().getFirst().code());
    }

    @Test
    void aTagTheRecordRefusesIsAnInvalidValue(AuroraTestClient client) {
        assertEquals(List.of(new Violation("", "invalid", "tags must be 1-30 characters each: ''")),
                post(client, "{\"title\":\"T\",\"author\":\"A\",\"year\":1999,\"tags\":[\"  \"]}").violations());
    }

    @Test
    void malformedJsonNamesLineAndColumn(AuroraTestClient client) {
        assertEquals("Malformed JSON at line 1, column 10", post(client, "{\"title\":}").detail());
    }

    @Test
    void aBodyThatIsNotJsonIs415(AuroraTestClient client) {
        client.post("/books").body("title=T", "application/x-www-form-urlencoded").send()
                .assertStatus(415)
                .assertHeader("Accept-Post", "application/json");
    }

    @Test
    void aReplacementIsValidatedToo(AuroraTestClient client) {
        var book = Books.create(client, "T", "A", 1999);
        client.put("/books/" + book.id()).header("If-Match", book.etag()).body("{}", "application/json").send()
                .assertStatus(400);
        assertEquals(book, Books.get(client, book.id()));
    }

    private static Problem post(AuroraTestClient client, String json) {
        return client.post("/books").body(json, "application/json").send().assertStatus(400).problem();
    }
}
