package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Paths no pattern matches give null (404), and odd bytes never make {@code find} throw. */
class RouteNotFoundTest {
    private final RouteTree<String> tree = RouteTree.<String>builder()
            .add("GET", "/", "root", "Routes.java:1")
            .add("GET", "/users", "users", "Routes.java:2")
            .add("GET", "/users/:id", "user", "Routes.java:3")
            .add("GET", "/users/:id/posts/:post", "post", "Routes.java:4")
            .add("GET", "/a/:x/b", "axb", "Routes.java:5")
            .build();

    private Endpoint<String> find(String path) {
        byte[] b = path.getBytes(StandardCharsets.ISO_8859_1);
        return tree.find(b, 0, b.length, tree.newMatch());
    }

    @Test
    void tooFewSegments() {
        assertNull(find("/users/1/posts"));
        assertNull(find("/a/x"));
    }

    @Test
    void tooManySegments() {
        assertNull(find("/users/1/posts/2/3"));
        assertNull(find("/users/1/x"));
    }

    @Test
    void unknownStaticSegment() {
        assertNull(find("/user"));
        assertNull(find("/usersx"));
        assertNull(find("/Users"));
    }

    @Test
    void emptySegmentMatchesNoParam() {
        assertNull(find("/a//b"));
        assertNull(find("/users//posts/2"));
        assertNull(find("//"));
        assertNull(find("//users"));
    }

    @Test
    void requestTrailingSlashIsNotStrippedByFind() {
        assertNull(find("/users/"));
        assertNull(find("/users/1/"));
    }

    @Test
    void rootMatchesOnlySlash() {
        assertNotNull(find("/"));
        assertNull(find("/x"));
    }

    @Test
    void emptyTreeMatchesNothing() {
        RouteTree<String> empty = RouteTree.<String>builder().build();
        byte[] b = "/".getBytes(StandardCharsets.US_ASCII);
        assertNull(empty.find(b, 0, 1, empty.newMatch()));
    }

    @Test
    void pathWithoutLeadingSlashOrEmptyIsAMiss() {
        assertNull(find("users"));
        assertNull(find("*"));
        assertNull(find(""));
    }

    @Test
    void oddBytesNeverThrow() {
        String[] paths = {"/%", "/%%", "/%zz", "/users/%", "/users/%2", "/users/\u00ff\u0000", "///", "/users//",
                "/a/%2F/b", "/a/../b", "/a/./b", "/\r\n", "/users/1/posts/%C3"};
        for (String path : paths) {
            assertDoesNotThrow(() -> find(path), path);
        }
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[1 + random.nextInt(20)];
            random.nextBytes(b);
            b[0] = '/';
            for (int j = 1; j < b.length; j++) {
                if (random.nextInt(4) == 0) {
                    b[j] = '/';
                }
            }
            assertDoesNotThrow(() -> tree.find(b, 0, b.length, tree.newMatch()));
        }
    }
}
