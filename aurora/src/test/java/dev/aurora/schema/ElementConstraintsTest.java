package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Constraints written on type arguments: each element, map value or Optional's value, at its pointer. */
class ElementConstraintsTest {
    record Post(@Length(max = 3) List<@Required @Length(max = 5) String> tags,
            Map<String, @Range(min = 0, max = 10) Integer> scores,
            Optional<@Email String> contact,
            Set<@OneOf({"a", "b"}) String> flags,
            List<List<@Required String>> grid) {
    }

    private static List<Violation> violations(Post p) {
        return Schema.of(Post.class).violations(p);
    }

    private static Post post(List<String> tags) {
        return new Post(tags, Map.of(), Optional.empty(), Set.of(), List.of());
    }

    @Test
    void validContentsPass() {
        assertEquals(List.of(), violations(new Post(List.of("java", "http"), Map.of("x", 10), Optional.of("a@b.org"),
                Set.of("a"), List.of(List.of("x")))));
    }

    @Test
    void eachElementIsCheckedAtItsIndexAfterTheListsOwnConstraint() {
        assertEquals(List.of(
                new Violation("/tags", "length", "length must be at most 3"),
                new Violation("/tags/1", "length", "length must be at most 5"),
                new Violation("/tags/2", "required", "must not be blank"),
                new Violation("/tags/3", "required", "must not be null")),
                violations(post(Arrays.asList("java", "virtual", " ", null))));
    }

    @Test
    void mapValuesAreCheckedAtTheirKeys() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("ok", 3);
        scores.put("a/b", 11);
        assertEquals(List.of(new Violation("/scores/a~1b", "range", "must be between 0 and 10")),
                violations(new Post(List.of(), scores, Optional.empty(), Set.of(), List.of())));
    }

    @Test
    void anOptionalsValueIsCheckedAtTheMembersPointer() {
        assertEquals(List.of(new Violation("/contact", "email", "must be a valid email address")),
                violations(new Post(List.of(), Map.of(), Optional.of("nope"), Set.of(), List.of())));
    }

    @Test
    void setElementsAndNestedListsToo() {
        assertEquals(List.of(new Violation("/flags/0", "oneOf", "must be one of a, b")),
                violations(new Post(List.of(), Map.of(), Optional.empty(), Set.of("c"), List.of())));
        assertEquals(List.of(new Violation("/grid/1/0", "required", "must not be null")),
                violations(new Post(List.of(), Map.of(), Optional.empty(), Set.of(),
                        List.of(List.of("x"), Arrays.asList((String) null)))));
    }

    @Test
    void theFastPassAgreesWithTheReport() {
        // validate() takes the fast pass first; a failing element must not slip through it.
        assertThrows(ValidationException.class, () -> Schema.of(Post.class).validate(post(List.of("toolong"))));
    }

    record OnKeys(Map<@Length(max = 2) String, String> m) {
    }

    record Wrong(List<@Range(min = 1, max = 2) String> xs) {
    }

    record Box<T>(T value) {
    }

    record InOther(Box<@Required String> box) {
    }

    @Test
    void whatCannotBeCheckedFailsWhenTheSchemaIsBuilt() {
        assertTrue(message(OnKeys.class).contains("constraints on map keys are not checked"), message(OnKeys.class));
        assertTrue(message(Wrong.class).contains("@Range on " + Wrong.class.getName() + ".xs (elements) needs a number type"),
                message(Wrong.class));
        assertTrue(message(InOther.class).contains("inside collections, maps and Optional only, not Box"), message(InOther.class));
    }

    private static String message(Class<?> type) {
        return assertThrows(IllegalArgumentException.class, () -> Schema.of(type)).getMessage();
    }
}
