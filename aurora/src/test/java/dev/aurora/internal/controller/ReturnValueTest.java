package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Context;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a controller method's return value and {@code @Status} do to the response. */
class ReturnValueTest {

    record Item(String name, int qty) {
    }

    static class Returns {
        boolean ran;

        @Get("/void")
        void nothing() {
            ran = true;
        }

        @Get("/void-writes")
        void writes(Context ctx) {
            ctx.header("X-Custom", "yes").send("written");
        }

        @Get("/string")
        String text() {
            return "plain";
        }

        @Get("/object")
        Item item() {
            return new Item("apple", 3);
        }

        @Get("/list")
        List<Item> items() {
            return List.of(new Item("a", 1), new Item("b", 2));
        }

        @Get("/primitive")
        int number() {
            return 7;
        }

        @Get("/declared-object")
        Object declaredObject() {
            return "still text";
        }

        @Get("/null-object")
        Item missing() {
            return null;
        }

        @Get("/null-string")
        String missingText() {
            return null;
        }

        @Post("/created")
        @Status(201)
        Item created() {
            return new Item("new", 1);
        }

        @Post("/accepted-null")
        @Status(202)
        Item acceptedNull() {
            return null;
        }

        @Post("/created-void")
        @Status(201)
        void createdVoid() {
        }

        @Post("/status-seen")
        @Status(201)
        String statusSeen(Context ctx) {
            return "status " + ctx.status();
        }

        @Post("/overridden")
        @Status(201)
        void overridden(Context ctx) {
            ctx.status(409).send("conflict");
        }
    }

    private final Returns controller = new Returns();

    private FakeContext call(String method, String path) throws Exception {
        return Controllers.call(controller, method, path, new FakeContext());
    }

    @Test
    void voidSendsNothingAndLeavesTheStatus() throws Exception {
        FakeContext ctx = call("GET", "/void");
        assertTrue(controller.ran);
        assertFalse(ctx.sent());
        assertEquals(200, ctx.status());
        assertEquals(0, ctx.statusCalls());
    }

    @Test
    void voidMethodMayWriteTheResponseItself() throws Exception {
        FakeContext ctx = call("GET", "/void-writes");
        assertEquals("written", ctx.text());
        assertEquals("yes", ctx.responseHeader("X-Custom"));
    }

    @Test
    void stringIsSentAsText() throws Exception {
        FakeContext ctx = call("GET", "/string");
        assertEquals("plain", ctx.text());
        assertFalse(ctx.jsonSent());
    }

    @Test
    void stringReturnedAsObjectIsSentAsTextToo() throws Exception {
        assertEquals("still text", call("GET", "/declared-object").text());
    }

    @Test
    void objectsAreSentAsJson() throws Exception {
        assertEquals(new Item("apple", 3), call("GET", "/object").json());
        assertEquals(List.of(new Item("a", 1), new Item("b", 2)), call("GET", "/list").json());
        assertEquals(7, call("GET", "/primitive").json());
        assertNull(call("GET", "/object").text());
    }

    @Test
    void nullIsNoContent() throws Exception {
        for (String path : List.of("/null-object", "/null-string")) {
            FakeContext ctx = call("GET", path);
            assertEquals(204, ctx.status(), path);
            assertFalse(ctx.sent(), path);
        }
    }

    @Test
    void statusAppliesToTheReturnedValue() throws Exception {
        FakeContext ctx = call("POST", "/created");
        assertEquals(201, ctx.status());
        assertEquals(new Item("new", 1), ctx.json());
    }

    @Test
    void statusWithNullSendsAnEmptyResponseWithThatStatus() throws Exception {
        FakeContext ctx = call("POST", "/accepted-null");
        assertEquals(202, ctx.status());
        assertFalse(ctx.sent());
    }

    @Test
    void statusAppliesToVoidMethods() throws Exception {
        FakeContext ctx = call("POST", "/created-void");
        assertEquals(201, ctx.status());
        assertFalse(ctx.sent());
    }

    @Test
    void statusIsSetBeforeTheMethodRuns() throws Exception {
        assertEquals("status 201", call("POST", "/status-seen").text());
    }

    @Test
    void methodMayOverrideTheStatus() throws Exception {
        FakeContext ctx = call("POST", "/overridden");
        assertEquals(409, ctx.status());
        assertEquals("conflict", ctx.text());
    }
}
