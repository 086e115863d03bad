package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed patterns are refused at registration, naming the pattern, the site and the problem. */
class MalformedPatternTest {

    /** Expects {@code pattern} to be refused and returns the message, which names pattern and site. */
    private static String refused(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTree.<String>builder().add("GET", pattern, "h", "Site.java:7"));
        String message = e.getMessage();
        assertTrue(message.contains("'" + pattern + "'"), message);
        assertTrue(message.contains("Site.java:7"), message);
        return message;
    }

    private static void assertMentions(String message, String text) {
        assertTrue(message.contains(text), message);
    }

    @Test
    void catchAllMustBeLast() {
        assertMentions(refused("/a/*rest/b"), "must be the last segment");
    }

    @Test
    void catchAllCannotHaveATrailingSlash() {
        assertMentions(refused("/a/*rest/"), "must be the last segment");
    }

    @Test
    void paramNeedsAName() {
        assertMentions(refused("/a/:"), "has no name");
        assertMentions(refused("/a/:/b"), "has no name");
    }

    @Test
    void catchAllNeedsAName() {
        assertMentions(refused("/a/*"), "has no name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/:1x", "/a/:a-b", "/a/:a.b", "/a/*x y", "/:é", "/a/:x:y"})
    void namesAreIdentifiers(String pattern) {
        assertMentions(refused(pattern), "invalid name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a?b", "/a#b", "/caf\u00e9", "/a<b", "/a\"b", "/a\\b", "/a|b", "/a[b]", "/a\tb",
            "/a%zz", "/a%4", "/a%"})
    void staticSegmentsHoldOnlyPchars(String pattern) {
        refused(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a-b_c.d~e", "/!$&'()*+,;=", "/a:b@c", "/a*b", "/%41%2f", "/v1.0/x", "/_/-/~"})
    void pcharsAreAccepted(String pattern) {
        assertDoesNotThrow(() -> RouteTree.<String>builder().add("GET", pattern, "h", "Site.java:7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "users", "*", ":id", " /users"})
    void patternMustStartWithSlash(String pattern) {
        assertMentions(refused(pattern), "must start with '/'");
    }

    @Test
    void nullPatternIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTree.<String>builder().add("GET", null, "h", "Site.java:7"));
        assertMentions(e.getMessage(), "Site.java:7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//", "/a//b", "//a", "/a//"})
    void emptySegmentsAreRefused(String pattern) {
        assertMentions(refused(pattern), "empty segment");
    }

    @Test
    void paramNameUsedTwiceInOnePattern() {
        assertMentions(refused("/a/:x/:x"), "'x' is used twice");
        assertMentions(refused("/a/:x/b/*x"), "'x' is used twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/./b", "/..", "/a/.."})
    void dotSegmentsAreRefused(String pattern) {
        assertMentions(refused(pattern), "dot segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GE T", "GET\r\n", "G(ET"})
    void methodMustBeAToken(String method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTree.<String>builder().add(method, "/users", "h", "Site.java:7"));
        assertMentions(e.getMessage(), "/users");
        assertMentions(e.getMessage(), "Site.java:7");
    }

    @Test
    void handlerIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTree.<String>builder().add("GET", "/users", null, "Site.java:7"));
        assertMentions(e.getMessage(), "GET /users");
        assertMentions(e.getMessage(), "Site.java:7");
    }
}
