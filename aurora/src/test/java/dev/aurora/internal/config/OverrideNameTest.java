package dev.aurora.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverrideNameTest {
    record Max(int body) {
    }

    record Limits(int maxBody, Max max, List<Item> items, Map<String, Item> named, List<String> tags) {
    }

    record Item(String name) {
    }

    private static final ObjectMapper MAPPER = ConfigMapper.create();
    private static final Shape LIMITS = Shape.of(MAPPER, MAPPER.constructType(Limits.class));

    private static OverrideName.Target env(String... words) {
        return OverrideName.resolve("limits", LIMITS, List.of(words), true);
    }

    @Test
    void environmentWordsGroupIntoPropertiesLongestFirst() {
        assertEquals("limits.maxBody", env("max", "body").key());
        assertEquals(List.of("maxBody"), env("max", "body").segments());
        assertEquals("limits.max.body", OverrideName.resolve("limits", LIMITS, List.of("max", "body"), false).key());
    }

    @Test
    void numbersIndexListsAndWordsKeyMaps() {
        OverrideName.Target item = env("items", "3", "name");
        assertEquals("limits.items[3].name", item.key());
        assertEquals(List.of("items", 3, "name"), item.segments());
        assertEquals("limits.named.first.name", env("named", "first", "name").key());
        assertEquals(Shape.Kind.LIST, env("tags").shape().kind());
    }

    @Test
    void wordsThatSpellNothingResolveToNull() {
        assertNull(env("max", "bodyy"));
        assertNull(env("items", "x", "name"));
        assertNull(env("items", "1234567", "name"));
        assertNull(env("tags", "0", "more"));
    }

    @Test
    void settableKeysAndTheirEnvironmentForm() {
        assertEquals(List.of("maxBody", "max.body", "items", "named", "tags"), OverrideName.settableKeys(LIMITS));
        assertEquals("SERVER_MAX_BODY_SIZE", OverrideName.environmentForm("server.maxBodySize"));
        assertEquals("DB_REPLICAS", OverrideName.environmentForm("db.replicas"));
        assertEquals("A_HTTP2_ON", OverrideName.environmentForm("a.http2On"));
    }

    @Test
    void dottedWordsSplitIndexes() {
        assertEquals(List.of("db", "replicas", "0", "host"), OverrideName.dottedWords("db.replicas[0].host"));
        assertEquals(List.of("m", "a", "1", "2"), OverrideName.dottedWords("m.a[1][2]"));
    }
}
