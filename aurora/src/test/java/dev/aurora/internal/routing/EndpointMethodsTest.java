package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The handler per method (HEAD falling back to GET) and the {@code Allow} values for 405 and OPTIONS. */
class EndpointMethodsTest {

    private static Endpoint<String> find(RouteTree<String> tree, String path) {
        byte[] b = path.getBytes(StandardCharsets.US_ASCII);
        return tree.find(b, 0, b.length, tree.newMatch());
    }

    private final RouteTree<String> tree = RouteTree.<String>builder()
            .add("POST", "/users", "create", "Users.java:1")
            .add("GET", "/users", "list", "Users.java:2")
            .add("PUT", "/users/:id", "replace", "Users.java:3")
            .add("DELETE", "/users/:id", "delete", "Users.java:4")
            .add("GET", "/page", "page", "Pages.java:1")
            .add("HEAD", "/page", "pageHead", "Pages.java:2")
            .build();

    @Test
    void handlerIsChosenByExactMethod() {
        Endpoint<String> users = find(tree, "/users");
        assertEquals("create", users.handler("POST"));
        assertEquals("list", users.handler("GET"));
        assertNull(users.handler("DELETE"));
    }

    @Test
    void methodsAreCaseSensitive() {
        assertNull(find(tree, "/users").handler("get"));
    }

    @Test
    void headFallsBackToGet() {
        assertEquals("list", find(tree, "/users").handler("HEAD"));
    }

    @Test
    void explicitHeadWinsOverGet() {
        assertEquals("pageHead", find(tree, "/page").handler("HEAD"));
        assertEquals("page", find(tree, "/page").handler("GET"));
    }

    @Test
    void headWithoutGetHasNoHandler() {
        assertNull(find(tree, "/users/1").handler("HEAD"));
    }

    @Test
    void allowListsRegisteredMethodsSortedWithHeadAndOptions() {
        assertEquals("GET, HEAD, OPTIONS, POST", find(tree, "/users").allow());
        assertEquals("GET, HEAD, OPTIONS", find(tree, "/page").allow());
    }

    @Test
    void allowHasNoHeadWithoutGet() {
        assertEquals("DELETE, OPTIONS, PUT", find(tree, "/users/1").allow());
    }

    @Test
    void explicitOptionsRouteIsListedOnce() {
        RouteTree<String> t = RouteTree.<String>builder()
                .add("OPTIONS", "/cors", "preflight", "Cors.java:1")
                .add("PATCH", "/cors", "patch", "Cors.java:2")
                .build();
        assertEquals("OPTIONS, PATCH", find(t, "/cors").allow());
        assertEquals("preflight", find(t, "/cors").handler("OPTIONS"));
        assertEquals("OPTIONS, PATCH", t.allowAll());
    }

    @Test
    void allowAllCoversEveryRoute() {
        assertEquals("DELETE, GET, HEAD, OPTIONS, POST, PUT", tree.allowAll());
    }

    @Test
    void allowAllOfAnEmptyTreeIsOptions() {
        assertEquals("OPTIONS", RouteTree.<String>builder().build().allowAll());
    }

    @Test
    void routesOfOnePatternShareOneEndpoint() {
        assertSame(find(tree, "/users/1"), find(tree, "/users/2"));
        assertEquals("/users/:id", find(tree, "/users/1").pattern());
    }
}
