package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parameters: offsets into the request bytes, names, and percent-decoding on demand. */
class RouteParamsTest {
    private static final Arena SCRATCH = new Arena(4, 4);
    private final RouteMatch match;
    private final RouteTree<String> tree;

    RouteParamsTest() {
        tree = RouteTree.<String>builder()
                .add("GET", "/users/:uid/posts/:pid", "post", "Routes.java:1")
                .add("GET", "/files/:name", "file", "Routes.java:2")
                .add("GET", "/a/:x/c", "axc", "Routes.java:3")
                .add("GET", "/caf%C3%A9/:x", "cafe", "Routes.java:4")
                .build();
        match = tree.newMatch();
    }

    private Endpoint<String> find(byte[] b) {
        return tree.find(b, 0, b.length, match);
    }

    /** The single parameter's decoded value for {@code path}, which must match. */
    private String value(String path) {
        byte[] b = path.getBytes(StandardCharsets.ISO_8859_1);
        assertNotNull(find(b), path);
        return match.value(b, match.count() - 1, SCRATCH);
    }

    @Test
    void capturesSeveralParamsInPatternOrder() {
        byte[] b = "/users/7/posts/1234".getBytes(StandardCharsets.US_ASCII);
        Endpoint<String> endpoint = find(b);
        assertEquals("post", endpoint.handler("GET"));
        assertEquals(2, match.count());
        assertEquals(2, endpoint.paramCount());
        assertEquals("uid", endpoint.paramName(0));
        assertEquals("pid", endpoint.paramName(1));
        assertEquals("7", match.value(b, endpoint.paramIndex("uid"), SCRATCH));
        assertEquals("1234", match.value(b, endpoint.paramIndex("pid"), SCRATCH));
        assertEquals(-1, endpoint.paramIndex("id"));
    }

    @Test
    void offsetsAreAbsoluteIntoTheGivenArray() {
        byte[] b = "GET /users/7/posts/1234 HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        assertNotNull(tree.find(b, 4, 19, match));
        assertEquals(11, match.start(0));
        assertEquals(12, match.end(0));
        assertEquals(19, match.start(1));
        assertEquals(23, match.end(1));
    }

    @Test
    void valuesDecodePercentEscapesAsUtf8() {
        assertEquals("café", value("/files/caf%C3%A9"));
        assertEquals("日本", value("/files/%E6%97%A5%E6%9C%AC"));
        assertEquals("a b", value("/files/a%20b"));
        assertEquals("é", value("/files/%c3%a9"));
    }

    @Test
    void rawOffsetsStillCoverTheEncodedBytes() {
        byte[] b = "/files/caf%C3%A9".getBytes(StandardCharsets.US_ASCII);
        find(b);
        assertEquals(7, match.start(0));
        assertEquals(b.length, match.end(0));
    }

    @Test
    void encodedSlashStaysInsideItsSegment() {
        assertEquals("a/b", value("/files/a%2Fb"));
        assertEquals("b/z", value("/a/b%2fz/c"));
        assertNull(find("/files/a/b".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void plusIsNotASpaceInPaths() {
        assertEquals("a+b", value("/files/a+b"));
    }

    @Test
    void malformedEscapesAreKeptAsWritten() {
        assertEquals("%zz", value("/files/%zz"));
        assertEquals("50%", value("/files/50%"));
        assertEquals("%4", value("/files/%4"));
        assertEquals("%A", value("/files/%%41"));
        assertEquals("x%4gy", value("/files/x%4gy"));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() {
        assertEquals("a\uFFFDb", value("/files/a%FFb"));
    }

    @Test
    void rawNonAsciiBytesAreReadAsUtf8() {
        byte[] b = "/files/é".getBytes(StandardCharsets.UTF_8);
        assertNotNull(find(b));
        assertEquals("é", match.value(b, 0, SCRATCH));
    }

    @Test
    void rawInvalidUtf8BecomesReplacementCharacterToo() {
        byte[] b = {'/', 'f', 'i', 'l', 'e', 's', '/', 'a', (byte) 0xFF, 'b'};
        assertNotNull(find(b));
        assertEquals("a\uFFFDb", match.value(b, 0, SCRATCH));
    }

    @Test
    void staticSegmentsMatchTheRawBytesExactly() {
        assertEquals("cafe", find("/caf%C3%A9/1".getBytes(StandardCharsets.US_ASCII)).handler("GET"));
        assertNull(find("/caf%c3%a9/1".getBytes(StandardCharsets.US_ASCII)));
        assertNull(find("/café/1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void countIsResetByAMiss() {
        assertNotNull(find("/users/7/posts/8".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(2, match.count());
        assertNull(find("/users/7/comments/8".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0, match.count());
        assertThrows(IndexOutOfBoundsException.class, () -> match.start(0));
    }

    @Test
    void paramIndexBeyondTheCountIsRefused() {
        byte[] b = "/files/x".getBytes(StandardCharsets.US_ASCII);
        find(b);
        assertThrows(IndexOutOfBoundsException.class, () -> match.value(b, 1, SCRATCH));
        assertThrows(IndexOutOfBoundsException.class, () -> match.end(-1));
    }

    @Test
    void matchIsSizedForTheTree() {
        assertEquals(2, tree.maxParams());
        assertEquals(0, RouteTree.<String>builder().add("GET", "/", "root", "R.java:1").build().maxParams());
        RouteMatch tooSmall = RouteTree.<String>builder().build().newMatch();
        byte[] b = "/files/x".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> tree.find(b, 0, b.length, tooSmall));
    }

    @Test
    void matchCanBeReusedForManyLookups() {
        for (int i = 0; i < 100; i++) {
            byte[] b = ("/users/" + i + "/posts/" + (i * 7)).getBytes(StandardCharsets.US_ASCII);
            find(b);
            assertEquals(String.valueOf(i), match.value(b, 0, SCRATCH));
            assertEquals(String.valueOf(i * 7), match.value(b, 1, SCRATCH));
        }
    }
}
