package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.Context;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Header;
import dev.aurora.annotation.Param;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Query;
import dev.aurora.error.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Path parameters, query parameters, headers, the body and the context reach the method's parameters. */
class ParameterBindingTest {

    record User(String name, int age) {
    }

    @Prefix("/users")
    static class Bindings {
        Context seen;

        @Get("/ctx")
        void context(Context ctx) {
            seen = ctx;
        }

        @Get("/:id")
        String path(@Param("id") long id) {
            return "user " + id;
        }

        @Get("/:id/files/*path")
        String catchAll(@Param("id") String id, @Param("path") String path) {
            return id + ":" + path;
        }

        @Get("/search")
        String search(@Query("q") String q, @Query(value = "page", defaultValue = "1") int page,
                @Query(value = "sort", defaultValue = "") String sort) {
            return q + "/" + page + "/[" + sort + "]";
        }

        @Get("/me")
        String header(@Header("X-Token") String token) {
            return "token " + token;
        }

        @Get("/optional")
        String optional(@Header("X-Request-Id") Optional<String> requestId, @Query("limit") Optional<Integer> limit) {
            return requestId.orElse("-") + "/" + limit.map(l -> l + 1).map(String::valueOf).orElse("none");
        }

        @Post
        Object create(@Body User user) {
            return Map.of("created", user);
        }

        @Post("/bulk")
        Object bulk(@Body List<User> users) {
            return users;
        }

        @Post("/count")
        Object count(@Body int count) {
            return count * 2;
        }

        @Post("/:id/mixed")
        String mixed(@Query("dry") boolean dry, Context ctx, @Body User user, @Param("id") int id,
                @Header("X-Request-Id") String requestId) {
            ctx.header("X-Seen", requestId);
            return id + " " + user.name() + " " + dry;
        }
    }

    private final Bindings controller = new Bindings();

    private FakeContext call(String method, String path, FakeContext ctx) throws Exception {
        return Controllers.call(controller, method, path, ctx);
    }

    @Test
    void contextParameterIsTheRequestsContext() throws Exception {
        FakeContext ctx = call("GET", "/users/ctx", new FakeContext());
        assertSame(ctx, controller.seen);
    }

    @Test
    void pathParameterIsConverted() throws Exception {
        assertEquals("user 42", call("GET", "/users/:id", new FakeContext().withParam("id", "42")).text());
    }

    @Test
    void catchAllIsAPathParameter() throws Exception {
        FakeContext ctx = new FakeContext().withParam("id", "7").withParam("path", "a/b/c.txt");
        assertEquals("7:a/b/c.txt", call("GET", "/users/:id/files/*path", ctx).text());
    }

    @Test
    void queryParametersUseDefaultsWhenAbsent() throws Exception {
        assertEquals("cats/1/[]", call("GET", "/users/search", new FakeContext().withQuery("q", "cats")).text());
        FakeContext all = new FakeContext().withQuery("q", "dogs").withQuery("page", "3").withQuery("sort", "name");
        assertEquals("dogs/3/[name]", call("GET", "/users/search", all).text());
    }

    @Test
    void firstValueOfARepeatedQueryParameterIsBound() throws Exception {
        FakeContext ctx = new FakeContext().withQuery("q", "first").withQuery("q", "second");
        assertEquals("first/1/[]", call("GET", "/users/search", ctx).text());
    }

    @Test
    void missingRequiredQueryParameterIsABadRequest() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> call("GET", "/users/search", new FakeContext().withQuery("page", "2")));
        assertEquals("Missing query parameter q", e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void headerIsBoundCaseInsensitively() throws Exception {
        assertEquals("token abc", call("GET", "/users/me", new FakeContext().withHeader("x-token", "abc")).text());
    }

    @Test
    void missingHeaderIsABadRequest() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> call("GET", "/users/me", new FakeContext()));
        assertEquals("Missing header X-Token", e.getMessage());
    }

    @Test
    void optionalHeadersAndQueriesAreEmptyWhenAbsentAndConvertedWhenSent() throws Exception {
        assertEquals("-/none", call("GET", "/users/optional", new FakeContext()).text());
        FakeContext both = new FakeContext().withHeader("X-Request-Id", "r-1").withQuery("limit", "9");
        assertEquals("r-1/10", call("GET", "/users/optional", both).text());
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> call("GET", "/users/optional", new FakeContext().withQuery("limit", "many")));
        assertEquals(400, e.status());
        assertEquals("Query parameter limit must be an int", e.getMessage());
    }

    @Test
    void bodyIsReadAsJsonIntoTheParameterType() throws Exception {
        FakeContext ctx = call("POST", "/users", new FakeContext().withBody("{\"name\":\"Ada\",\"age\":36}"));
        assertEquals(Map.of("created", new User("Ada", 36)), ctx.json());
    }

    @Test
    void genericBodyBindsListOfRecords() throws Exception {
        FakeContext ctx = call("POST", "/users/bulk",
                new FakeContext().withBody("[{\"name\":\"Ada\",\"age\":36},{\"name\":\"Alan\",\"age\":41}]"));
        // A List<User>, not a list of maps: the parameter's generic type reached Jackson.
        assertEquals(List.of(new User("Ada", 36), new User("Alan", 41)), ctx.json());
    }

    @Test
    void primitiveBodyIsBound() throws Exception {
        assertEquals(42, call("POST", "/users/count", new FakeContext().withBody("21")).json());
    }

    @Test
    void nullBodyForAPrimitiveIsABadRequestNotANullPointer() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> call("POST", "/users/count", new FakeContext().withNullBody()));
        assertEquals("Missing request body", e.getMessage());
    }

    @Test
    void malformedBodyIsTheContextsBadRequest() {
        assertThrows(BadRequestException.class, () -> call("POST", "/users", new FakeContext().withBody("{nope")));
    }

    @Test
    void parametersOfEveryKindBindInAnyOrder() throws Exception {
        FakeContext ctx = new FakeContext().withParam("id", "5").withQuery("dry", "true")
                .withHeader("X-Request-Id", "r-1").withBody("{\"name\":\"Grace\",\"age\":85}");
        call("POST", "/users/:id/mixed", ctx);
        assertEquals("5 Grace true", ctx.text());
        assertEquals("r-1", ctx.responseHeader("X-Seen"));
    }

    @Test
    void aFailingArgumentStopsTheCallBeforeTheMethodRuns() {
        FakeContext ctx = new FakeContext().withParam("id", "five").withQuery("dry", "true")
                .withHeader("X-Request-Id", "r-1").withBody("{\"name\":\"Grace\",\"age\":85}");
        assertThrows(BadRequestException.class, () -> call("POST", "/users/:id/mixed", ctx));
        assertNull(ctx.responseHeader("X-Seen"));
    }
}
