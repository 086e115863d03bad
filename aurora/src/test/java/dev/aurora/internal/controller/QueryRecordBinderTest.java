package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.schema.Length;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule of binding a query string to a record, in the order {@link QueryRecordBinder} applies them. */
class QueryRecordBinderTest {

    enum Sort { NEWEST, OLDEST }

    record Everything(String q, int page, long offset, double score, boolean exact, Integer limit, UUID id, Sort sort) {
    }

    record Absent(String q, Integer limit, Optional<Sort> sort, List<String> tag, Set<Integer> year) {
    }

    record Search(@Required @Length(max = 5) String q, @Range(min = 1, max = 50) Integer limit) {
    }

    record Page(int page) {
    }

    record Span(int from, int to) {
        Span {
            if (from > to) {
                throw new IllegalArgumentException("from must not be after to");
            }
        }
    }

    private static <T extends Record> T bind(Class<T> type, FakeContext ctx) {
        return QueryRecordBinder.of(type).bind(ctx);
    }

    private static List<Violation> violations(Class<? extends Record> type, FakeContext ctx) {
        return assertThrows(ValidationException.class, () -> bind(type, ctx)).violations();
    }

    @Test
    void everySupportedTypeConverts() {
        UUID id = UUID.randomUUID();
        FakeContext ctx = new FakeContext().withQuery("q", "a b").withQuery("page", "2").withQuery("offset", "-40")
                .withQuery("score", "0.5").withQuery("exact", "true").withQuery("limit", "7")
                .withQuery("id", id.toString()).withQuery("sort", "newest");
        assertEquals(new Everything("a b", 2, -40, 0.5, true, 7, id, Sort.NEWEST), bind(Everything.class, ctx));
    }

    @Test
    void missingParametersAreAbsent() {
        assertEquals(new Absent(null, null, Optional.empty(), List.of(), Set.of()), bind(Absent.class, new FakeContext()));
    }

    @Test
    void anEmptyValueIsAbsentExceptForAString() {
        FakeContext ctx = new FakeContext().withQuery("q", "").withQuery("limit", "").withQuery("sort", "")
                .withQuery("year", "");
        assertEquals(new Absent("", null, Optional.empty(), List.of(), Set.of()), bind(Absent.class, ctx));
    }

    @Test
    void collectionsTakeEveryValueAndScalarsTheFirst() {
        FakeContext ctx = new FakeContext().withQuery("q", "first").withQuery("q", "second")
                .withQuery("tag", "b").withQuery("tag", "a").withQuery("tag", "b")
                .withQuery("year", "2024").withQuery("year", "2023").withQuery("year", "2024")
                .withQuery("sort", "OLDEST");
        Absent bound = bind(Absent.class, ctx);
        assertEquals("first", bound.q());
        assertEquals(List.of("b", "a", "b"), bound.tag());
        assertEquals(List.of(2024, 2023), List.copyOf(bound.year()), "a set keeps the first order");
        assertEquals(Optional.of(Sort.OLDEST), bound.sort());
        assertThrows(UnsupportedOperationException.class, () -> bound.tag().add("c"));
        assertThrows(UnsupportedOperationException.class, () -> bound.year().add(1));
    }

    @Test
    void everyValueThatDoesNotConvertIsReportedWithItsParameter() {
        FakeContext ctx = new FakeContext().withQuery("limit", "ten").withQuery("sort", "random")
                .withQuery("year", "2024").withQuery("year", "last");
        assertEquals(List.of(
                new Violation("/limit", "type", "must be an int"),
                new Violation("/sort", "type", "must be one of NEWEST, OLDEST"),
                new Violation("/year/1", "type", "must be an int")), violations(Absent.class, ctx));
    }

    @Test
    void numbersOutOfTheirTypesRangeDoNotConvert() {
        FakeContext ctx = new FakeContext().withQuery("page", "99999999999");
        assertEquals(List.of(new Violation("/page", "type", "must be an int")), violations(Page.class, ctx));
    }

    @Test
    void aMissingPrimitiveIsRequired() {
        assertEquals(List.of(new Violation("/page", "required", "must be present")),
                violations(Page.class, new FakeContext()));
        assertEquals(List.of(new Violation("/page", "required", "must be present")),
                violations(Page.class, new FakeContext().withQuery("page", "")));
    }

    @Test
    void unknownParametersAreIgnored() {
        FakeContext ctx = new FakeContext().withQuery("page", "3").withQuery("utm_source", "news").withQuery("Page", "x");
        assertEquals(new Page(3), bind(Page.class, ctx));
    }

    @Test
    void theBoundRecordIsValidatedAgainstItsSchema() {
        assertEquals(List.of(new Violation("/q", "required", "must not be null")),
                violations(Search.class, new FakeContext().withQuery("limit", "5")));
        FakeContext ctx = new FakeContext().withQuery("q", "toolong").withQuery("limit", "51");
        assertEquals(List.of("/q", "/limit"), violations(Search.class, ctx).stream().map(Violation::pointer).toList());
        assertEquals(new Search("ok", null), bind(Search.class, new FakeContext().withQuery("q", "ok")));
    }

    @Test
    void aCompactConstructorsRefusalIsAViolationAtTheRoot() {
        FakeContext ctx = new FakeContext().withQuery("from", "5").withQuery("to", "1");
        assertEquals(List.of(new Violation("", "invalid", "from must not be after to")), violations(Span.class, ctx));
    }

    @Test
    void thePlanIsBuiltOncePerType() {
        assertSame(QueryRecordBinder.of(Search.class), QueryRecordBinder.of(Search.class));
    }

    record WithMap(String q, Map<String, String> filters) {
    }

    record WithNestedList(List<List<String>> tags) {
    }

    record WithRawList(@SuppressWarnings("rawtypes") List tags) {
    }

    record Misannotated(@Range(min = 1, max = 2) String q) {
    }

    @Test
    void unsupportedComponentsFailNamingTypeAndComponent() {
        for (Class<? extends Record> type : List.of(WithMap.class, WithNestedList.class, WithRawList.class)) {
            String message = assertThrows(IllegalArgumentException.class, () -> QueryRecordBinder.of(type)).getMessage();
            assertTrue(message.startsWith(type.getName() + "."), message);
            assertTrue(message.contains("which no query parameter converts to"), message);
        }
        String message = assertThrows(IllegalArgumentException.class, () -> QueryRecordBinder.of(Misannotated.class))
                .getMessage();
        assertTrue(message.contains("Misannotated") && message.contains("q"), message);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aClassThatIsNotARecordIsRefused() {
        Class raw = String.class;
        String message = assertThrows(IllegalArgumentException.class, () -> QueryRecordBinder.of(raw)).getMessage();
        assertEquals("java.lang.String is not a record; query parameters bind to records", message);
    }
}
