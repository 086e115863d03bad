package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A pattern's trailing slash is dropped for matching and remembered on the endpoint; the caller strips
 * the request's before {@code find}, so {@code /users} and {@code /users/} are one pattern.
 */
class TrailingSlashRouteTest {

    private static Endpoint<String> find(RouteTree<String> tree, String path) {
        byte[] b = path.getBytes(StandardCharsets.US_ASCII);
        return tree.find(b, 0, b.length, tree.newMatch());
    }

    @Test
    void trailingSlashIsRememberedAndDroppedFromThePattern() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/users/", "list", "Users.java:5").build();
        Endpoint<String> endpoint = find(tree, "/users");
        assertEquals("list", endpoint.handler("GET"));
        assertTrue(endpoint.trailingSlash());
        assertEquals("/users", endpoint.pattern());
    }

    @Test
    void patternWithoutTrailingSlashSaysSo() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/users/:id", "one", "Users.java:5").build();
        Endpoint<String> endpoint = find(tree, "/users/1");
        assertFalse(endpoint.trailingSlash());
        assertEquals("/users/:id", endpoint.pattern());
    }

    @Test
    void paramPatternWithTrailingSlashMatchesTheStrippedPath() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/users/:id/", "one", "Users.java:5").build();
        assertTrue(find(tree, "/users/1").trailingSlash());
    }

    @Test
    void rootHasNoTrailingSlash() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/", "home", "Home.java:1").build();
        Endpoint<String> endpoint = find(tree, "/");
        assertFalse(endpoint.trailingSlash());
        assertEquals("/", endpoint.pattern());
    }

    @Test
    void findDoesNotStripTheRequestsTrailingSlash() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/users/", "list", "Users.java:5").build();
        assertNull(find(tree, "/users/"));
    }

    @Test
    void sameMethodWithAndWithoutTrailingSlashIsADuplicate() {
        RouteTree.Builder<String> builder = RouteTree.<String>builder().add("GET", "/x", "a", "A.java:1");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.add("GET", "/x/", "b", "B.java:2"));
        assertTrue(e.getMessage().contains("GET /x (registered at A.java:1)"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /x/ (registered at B.java:2)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Duplicate route"), e.getMessage());
    }

    @Test
    void otherMethodsMustUseTheSameForm() {
        RouteTree.Builder<String> builder = RouteTree.<String>builder().add("GET", "/x/", "a", "A.java:1");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.add("POST", "/x", "b", "B.java:2"));
        assertTrue(e.getMessage().contains("GET /x/ (registered at A.java:1)"), e.getMessage());
        assertTrue(e.getMessage().contains("POST /x (registered at B.java:2)"), e.getMessage());
        builder.add("POST", "/x/", "b", "B.java:3");
        assertEquals("GET, HEAD, OPTIONS, POST", find(builder.build(), "/x").allow());
    }
}
