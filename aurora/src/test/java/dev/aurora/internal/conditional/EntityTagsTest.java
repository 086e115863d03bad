package dev.aurora.internal.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.internal.conditional.EntityTags.Match;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Entity-tag syntax, and strong and weak comparison of a list against the current tag (RFC 9110 8.8.3). */
class EntityTagsTest {

    private static Match strong(String field, String current) {
        return EntityTags.match(List.of(field), current, true, false);
    }

    private static Match weak(String field, String current) {
        return EntityTags.match(List.of(field), current, false, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"v3\"", "W/\"v3\"", "\"\"", "\"a,b\"", "\"x-1/2=3\"", "\"\u00e9\""})
    void validTags(String tag) {
        assertTrue(EntityTags.valid(tag), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "\"v3", "v3\"", "w/\"v3\"", "W/v3", "\"v 3\"", "\"a\"b\"", " \"v3\"", "\"v3\" ",
        "\"\t\"", "*", ""})
    void invalidTags(String tag) {
        assertFalse(EntityTags.valid(tag), tag);
    }

    /** The table of RFC 9110 section 8.8.3.2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "W/\"1\" | W/\"1\" | NONE  | MATCH",
        "W/\"1\" | W/\"2\" | NONE  | NONE",
        "W/\"1\" | \"1\"   | NONE  | MATCH",
        "\"1\"   | \"1\"   | MATCH | MATCH",
    })
    void strongAndWeakComparison(String field, String current, Match strongly, Match weakly) {
        assertEquals(strongly, strong(field, current));
        assertEquals(weakly, weak(field, current));
        assertEquals(strongly, strong(current, field), "symmetric");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\", \"v3\"", "\"a\",\"v3\"", "  \"a\" ,\t\"v3\"  ", "\"a\", , \"v3\",", ",\"v3\"",
        "\"a\", W/\"b\", \"v3\""})
    void aMemberOfAListMatches(String field) {
        assertEquals(Match.MATCH, strong(field, "\"v3\""), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\", \"b\"", "W/\"v4\"", "\"V3\"", "\"v\"", "\"v33\""})
    void noMemberMatches(String field) {
        assertEquals(Match.NONE, weak(field, "\"v3\""), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "\"v3\" \"a\"", "\"v3\"x", "\"v3", "*, \"v3\"", "\"v3\", *", "* *", "W/ \"v3\"",
        "\"v3\";q=1"})
    void malformedListsSayNothing(String field) {
        assertEquals(Match.MALFORMED, weak(field, "\"v3\""), field);
        assertEquals(Match.MALFORMED, strong(field, "\"v3\""), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "*,"})
    void aStarMatchesAnyCurrentRepresentationEvenWithoutATag(String field) {
        assertEquals(Match.MATCH, strong(field, "\"v3\""));
        assertEquals(Match.MATCH, weak(field, null));
    }

    @Test
    void aCommaInsideATagIsPartOfIt() {
        assertEquals(Match.MATCH, weak("\"a,b\"", "\"a,b\""));
        assertEquals(Match.NONE, weak("\"a,b\"", "\"a\""));
    }

    @Test
    void withoutACurrentTagOnlyAStarMatches() {
        assertEquals(Match.NONE, weak("\"v3\"", null));
    }

    @Test
    void severalFieldLinesAreOneList() {
        assertEquals(Match.MATCH, EntityTags.match(List.of("\"a\"", "\"v3\""), "\"v3\"", true, false));
        assertEquals(Match.MALFORMED, EntityTags.match(List.of("\"v3\"", "*"), "\"v3\"", true, false));
    }

    @Test
    void theServersOwnWeakeningCountsUnderStrongComparison() {
        assertEquals(Match.MATCH, EntityTags.match(List.of("W/\"v3\""), "\"v3\"", true, true));
        // A tag the application made weak itself still never matches strongly.
        assertEquals(Match.NONE, EntityTags.match(List.of("W/\"v3\""), "W/\"v3\"", true, true));
        assertEquals(Match.NONE, EntityTags.match(List.of("\"v3\""), "W/\"v3\"", true, true));
    }
}
