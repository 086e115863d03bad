package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Conflicting registrations fail at once, naming both routes and where each was registered. */
class RouteConflictTest {

    /** Registers {@code first}, expects {@code second} to be refused and returns the message. */
    private static String conflict(String firstMethod, String first, String secondMethod, String second) {
        RouteTree.Builder<String> builder = RouteTree.<String>builder().add(firstMethod, first, "a", "First.java:10");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.add(secondMethod, second, "b", "Second.java:20"));
        String message = e.getMessage();
        assertTrue(message.contains(firstMethod + " " + first + " (registered at First.java:10)"), message);
        assertTrue(message.contains(secondMethod + " " + second + " (registered at Second.java:20)"), message);
        return message;
    }

    private static Endpoint<String> find(RouteTree<String> tree, String path) {
        byte[] b = path.getBytes(StandardCharsets.US_ASCII);
        return tree.find(b, 0, b.length, tree.newMatch());
    }

    @Test
    void sameMethodAndPatternIsADuplicate() {
        assertTrue(conflict("GET", "/users", "GET", "/users").startsWith("Duplicate route"));
    }

    @Test
    void sameParamNameIsTheSamePattern() {
        assertTrue(conflict("GET", "/users/:id", "GET", "/users/:id").startsWith("Duplicate route"));
        assertTrue(conflict("GET", "/f/*p", "GET", "/f/*p").startsWith("Duplicate route"));
    }

    @Test
    void differentParamNamesAtOnePosition() {
        String message = conflict("GET", "/users/:id", "GET", "/users/:name/posts");
        assertTrue(message.contains("'id' and 'name'"), message);
    }

    @Test
    void differentParamNamesConflictWhateverTheMethod() {
        conflict("GET", "/users/:id", "POST", "/users/:userId");
    }

    @Test
    void differentParamNamesDeepInTheTree() {
        conflict("GET", "/a/:x/b/:y", "GET", "/a/:x/b/:z/c");
    }

    @Test
    void differentCatchAllNamesAtOnePosition() {
        String message = conflict("GET", "/files/*path", "PUT", "/files/*rest");
        assertTrue(message.contains("'path' and 'rest'"), message);
    }

    @Test
    void refusedRouteLeavesNoTrace() {
        RouteTree.Builder<String> builder = RouteTree.<String>builder().add("GET", "/users/:id", "a", "A.java:1");
        assertThrows(IllegalStateException.class, () -> builder.add("GET", "/users/:name/posts", "b", "B.java:2"));
        assertThrows(IllegalStateException.class, () -> builder.add("GET", "/users/:id", "c", "C.java:3"));
        builder.add("GET", "/users/:id/posts", "d", "D.java:4");
        RouteTree<String> tree = builder.build();
        assertEquals("a", find(tree, "/users/1").handler("GET"));
        assertEquals("d", find(tree, "/users/1/posts").handler("GET"));
        assertEquals(1, tree.maxParams());
    }

    @Test
    void refusedParamNameIsNotReservedForLaterRoutes() {
        RouteTree.Builder<String> builder = RouteTree.<String>builder().add("GET", "/a/:x/:y", "a", "A.java:1");
        assertThrows(IllegalStateException.class, () -> builder.add("GET", "/a/:z/b/c", "b", "B.java:2"));
        assertThrows(IllegalStateException.class, () -> builder.add("GET", "/a/:x/:q/c", "c", "C.java:3"));
        builder.add("GET", "/a/:x/:y/c", "d", "D.java:4");
        assertNotNull(find(builder.build(), "/a/1/2/c"));
    }

    @Test
    void paramAndCatchAllAtOnePositionDoNotConflict() {
        RouteTree<String> tree = RouteTree.<String>builder()
                .add("GET", "/files/:name", "one", "A.java:1")
                .add("GET", "/files/*path", "rest", "B.java:2")
                .add("GET", "/files/index", "index", "C.java:3")
                .build();
        assertEquals("index", find(tree, "/files/index").handler("GET"));
    }

    @Test
    void builderIsSpentAfterBuild() {
        RouteTree.Builder<String> builder = RouteTree.<String>builder().add("GET", "/", "a", "A.java:1");
        builder.build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.add("GET", "/x", "b", "B.java:2"));
        assertTrue(e.getMessage().contains("B.java:2"), e.getMessage());
        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void sameStaticPatternOnManyMethodsIsFine() {
        RouteTree.Builder<String> builder = RouteTree.builder();
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"}) {
            builder.add(method, "/r", method.toLowerCase(), "R.java:1");
        }
        Endpoint<String> endpoint = find(builder.build(), "/r");
        assertEquals("trace", endpoint.handler("TRACE"));
        assertNull(endpoint.handler("CONNECT"));
    }
}
