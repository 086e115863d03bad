package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.ConflictException;
import dev.aurora.error.ForbiddenException;
import dev.aurora.error.HttpException;
import dev.aurora.error.MethodNotAllowedException;
import dev.aurora.error.NotFoundException;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.error.ServiceUnavailableException;
import dev.aurora.error.TooManyRequestsException;
import dev.aurora.error.UnauthorizedException;
import dev.aurora.error.UnprocessableEntityException;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import dev.aurora.test.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exceptions from handlers become the right status and body: problems, plain text, mappers. */
class ErrorMappingTest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    record Person(String name, int age) {
    }

    static Stream<Arguments> httpExceptions() {
        return Stream.of(
                Arguments.of(400, "Bad Request", (BiFunction<String, Map<String, ?>, HttpException>) BadRequestException::new),
                Arguments.of(401, "Unauthorized", (BiFunction<String, Map<String, ?>, HttpException>) UnauthorizedException::new),
                Arguments.of(403, "Forbidden", (BiFunction<String, Map<String, ?>, HttpException>) ForbiddenException::new),
                Arguments.of(404, "Not Found", (BiFunction<String, Map<String, ?>, HttpException>) NotFoundException::new),
                Arguments.of(405, "Method Not Allowed",
                        (BiFunction<String, Map<String, ?>, HttpException>) MethodNotAllowedException::new),
                Arguments.of(409, "Conflict", (BiFunction<String, Map<String, ?>, HttpException>) ConflictException::new),
                Arguments.of(413, "Content Too Large", (BiFunction<String, Map<String, ?>, HttpException>) PayloadTooLargeException::new),
                Arguments.of(422, "Unprocessable Content", (BiFunction<String, Map<String, ?>, HttpException>) UnprocessableEntityException::new),
                Arguments.of(429, "Too Many Requests",
                        (BiFunction<String, Map<String, ?>, HttpException>) TooManyRequestsException::new),
                Arguments.of(503, "Service Unavailable",
                        (BiFunction<String, Map<String, ?>, HttpException>) ServiceUnavailableException::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpExceptions")
    void httpExceptionBecomesProblemWithDetailsAsExtensions(int status, String title,
            BiFunction<String, Map<String, ?>, HttpException> exception) {
        Map<String, Object> details = Map.of("errors", List.of(Map.of("field", "email", "message", "must be an address")),
                "retry", 3);
        app.post("/act", ctx -> {
            throw exception.apply("Cannot do that: " + status, details);
        });

        TestResponse r = client.post("/act").body("{}", null).send()
                .assertStatus(status).assertHeader("Content-Type", "application/problem+json");

        Problem problem = r.problem();
        assertEquals("about:blank", problem.type());
        assertEquals(title, problem.title());
        assertEquals(status, problem.status());
        assertEquals("Cannot do that: " + status, problem.detail());
        assertEquals("/act", problem.instance());
        assertEquals(List.of(Map.of("field", "email", "message", "must be an address")), problem.extensions().get("errors"));
        assertEquals(3, problem.extensions().get("retry"));
    }

    @Test
    void unprocessableEntityWithFieldErrorsMatchesTheDocumentedBody() {
        app.post("/users", ctx -> {
            throw new UnprocessableEntityException("Invalid user", Map.of("errors", List.of(
                    Map.of("field", "email", "message", "must be an address"))));
        });

        client.post("/users").body("{}", null).send().assertStatus(422)
                .assertJson("{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
                        + "\"detail\":\"Invalid user\",\"instance\":\"/users\",\"errors\":[{\"field\":\"email\","
                        + "\"message\":\"must be an address\"}]}");
    }

    @Test
    void detailsCannotOverrideStandardProblemMembers() {
        app.get("/x", ctx -> {
            throw new ConflictException("Taken", Map.of("status", 200, "type", "https://evil", "code", "E1"));
        });

        Problem problem = client.get("/x").send().problem();
        assertEquals(409, problem.status());
        assertEquals("about:blank", problem.type());
        assertEquals("E1", problem.extensions().get("code"));
    }

    @Test
    void methodNotAllowedThrownByHandlerCarriesAllow() {
        app.get("/x", ctx -> {
            throw new MethodNotAllowedException("Read-only today");
        });

        client.get("/x").send().assertStatus(405).assertHeader("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void acceptTextPlainGetsMessageAsText() {
        app.get("/x", ctx -> {
            throw new ForbiddenException("You shall not pass");
        });

        client.get("/x").header("Accept", "text/plain").send()
                .assertStatus(403).assertHeader("Content-Type", "text/plain; charset=utf-8").assertBody("You shall not pass");
    }

    @Test
    void acceptTextPlainOnUnknownPathAndOnA500() {
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal detail");
        });

        TestResponse notFound = client.get("/missing").header("Accept", "text/plain").send().assertStatus(404);
        assertTrue(notFound.bodyString().contains("/missing"), notFound::describe);

        client.get("/boom").header("Accept", "text/*").send().assertStatus(500).assertBody("Internal Server Error");
    }

    @Test
    void acceptListingJsonToGetsProblemJson() {
        app.get("/x", ctx -> {
            throw new NotFoundException("nothing");
        });

        client.get("/x").header("Accept", "text/plain, application/json").send()
                .assertHeader("Content-Type", "application/problem+json");
        client.get("/x").header("Accept", "*/*").send().assertHeader("Content-Type", "application/problem+json");
    }

    @Test
    void unknownExceptionIs500RevealingNothing() {
        app.get("/x", ctx -> {
            throw new IllegalStateException("db password is hunter2", new RuntimeException("inner cause"));
        });

        TestResponse r = client.get("/x").send().assertStatus(500).assertHeader("Content-Type", "application/problem+json");

        String body = r.bodyString();
        Problem problem = r.problem();
        assertEquals("Internal Server Error", problem.title());
        assertEquals(500, problem.status());
        for (String leak : List.of("hunter2", "inner cause", "IllegalStateException", "RuntimeException",
                "java.", "dev.aurora", "at ", "Exception")) {
            assertFalse(body.contains(leak), () -> "500 body reveals '" + leak + "': " + body);
        }
    }

    @Test
    void checkedExceptionFromHandlerIs500() {
        app.get("/x", ctx -> {
            throw new IOException("disk on fire");
        });

        TestResponse r = client.get("/x").send().assertStatus(500);
        assertFalse(r.bodyString().contains("disk"), r::describe);
    }

    @Test
    void customMapperIsUsed() {
        app.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).header("X-Mapped", "yes")
                .json(Map.of("error", e.getMessage())));
        app.get("/x", ctx -> {
            throw new IllegalStateException("state is wrong");
        });

        client.get("/x").send().assertStatus(409).assertHeader("X-Mapped", "yes")
                .assertJson("{\"error\":\"state is wrong\"}");
    }

    @Test
    void mostSpecificMapperWins() {
        app.exception(RuntimeException.class, (e, ctx) -> ctx.status(500).send("runtime"));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).send("illegal argument"));
        app.get("/nfe", ctx -> {
            throw new NumberFormatException("not a number");
        });
        app.get("/ise", ctx -> {
            throw new IllegalStateException("other");
        });
        app.get("/iae", ctx -> {
            throw new IllegalArgumentException("direct");
        });

        client.get("/nfe").send().assertStatus(400).assertBody("illegal argument");
        client.get("/iae").send().assertBody("illegal argument");
        client.get("/ise").send().assertBody("runtime");
    }

    @Test
    void mostSpecificMapperWinsWhateverTheRegistrationOrder() {
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).send("illegal argument"));
        app.exception(NumberFormatException.class, (e, ctx) -> ctx.status(422).send("number"));
        app.exception(RuntimeException.class, (e, ctx) -> ctx.status(500).send("runtime"));
        app.get("/nfe", ctx -> {
            throw new NumberFormatException("x");
        });

        client.get("/nfe").send().assertStatus(422).assertBody("number");
    }

    @Test
    void mapperForHttpExceptionSubtypeOverridesDefaultProblem() {
        app.exception(NotFoundException.class, (e, ctx) -> ctx.status(404).send("custom 404: " + ctx.path()));
        app.get("/x", ctx -> ctx.send("x"));

        client.get("/nowhere").send().assertStatus(404).assertBody("custom 404: /nowhere");
    }

    @Test
    void mapperThatThrowsFallsBackToDefault500() {
        app.exception(IllegalStateException.class, (e, ctx) -> {
            ctx.header("X-Half", "written");
            throw new RuntimeException("mapper broke: secret");
        });
        app.get("/x", ctx -> {
            throw new IllegalStateException("first");
        });

        TestResponse r = client.get("/x").send().assertStatus(500)
                .assertHeader("Content-Type", "application/problem+json").assertHeader("X-Half", null);

        assertFalse(r.bodyString().contains("secret"), r::describe);
        assertFalse(r.bodyString().contains("first"), r::describe);
    }

    @Test
    void aMapperMayAnswerByThrowingAnHttpException() {
        app.exception(java.sql.SQLTransientException.class, (e, ctx) -> {
            ctx.header("X-Half", "written");
            throw new dev.aurora.error.ServiceUnavailableException("database busy").header("Retry-After", "1");
        });
        app.get("/busy", ctx -> {
            throw sneaky(new java.sql.SQLTransientException("pool timeout"));
        });

        try (dev.aurora.test.LogCapture logs = dev.aurora.test.LogCapture.attach("dev.aurora", org.slf4j.event.Level.WARN)) {
            TestResponse r = client.get("/busy").send().assertStatus(503)
                    .assertHeader("Content-Type", "application/problem+json").assertHeader("Retry-After", "1")
                    .assertHeader("X-Half", null);
            assertTrue(r.bodyString().contains("database busy"), r::describe);
            assertTrue(logs.lines().isEmpty(), () -> logs.lines().toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void responseWrittenBeforeTheExceptionIsReplaced() {
        app.get("/x", ctx -> {
            ctx.status(201).header("X-Partial", "1").contentType("text/html");
            throw new ConflictException("late conflict");
        });

        client.get("/x").send().assertStatus(409).assertHeader("Content-Type", "application/problem+json")
                .assertHeader("X-Partial", null);
    }

    @Test
    void mapperForUncheckedIoExceptionIsUsed() {
        app.exception(UncheckedIOException.class, (e, ctx) -> ctx.status(503).send("storage unavailable"));
        app.get("/x", ctx -> {
            throw new UncheckedIOException(new IOException("disk full"));
        });

        client.get("/x").send().assertStatus(503).assertBody("storage unavailable");
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));

        TestResponse r = client.post("/people").body("{\n  \"name\": \"Ada\",\n  \"age\": 36,,\n}", null).send()
                .assertStatus(400).assertHeader("Content-Type", "application/problem+json");

        String detail = r.problem().detail();
        assertTrue(detail.startsWith("Malformed JSON"), detail);
        assertTrue(detail.contains("line 3"), detail);
        assertTrue(detail.contains("column "), detail);
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));

        TestResponse r = client.post("/people").body("{\"name\":\"Ada\",\"age\":\"old\"}", null).send().assertStatus(400);

        assertEquals(List.of(new Violation("/age", "type", "must be an integer")), r.problem().violations(),
                r::describe);
        assertFalse(r.bodyString().contains("Person"), r::describe);
    }

    @Test
    void wrongTypeInListElementNamesThePath() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(
                new com.fasterxml.jackson.core.type.TypeReference<List<Person>>() { }.getType())));

        TestResponse r = client.post("/people").body("[{\"name\":\"Ada\",\"age\":1},{\"name\":\"Bob\",\"age\":[]}]", null)
                .send().assertStatus(400);

        assertEquals(List.of(new Violation("/1/age", "type", "must be an integer")), r.problem().violations(),
                r::describe);
        client.post("/people").body("[{\"name\":\"Ada\",\"age\":1}]", null).send().assertStatus(200);
    }

    @Test
    void unknownPropertyIs400() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));

        TestResponse r = client.post("/people").body("{\"name\":\"Ada\",\"age\":36,\"admin\":true}", null).send()
                .assertStatus(400);

        assertEquals(List.of(new Violation("/admin", "unknown", "is not a known field")), r.problem().violations(),
                r::describe);
    }

    @Test
    void hostileNestingIs400NamingTheLimitOverARealSocket() {
        app.post("/any", ctx -> ctx.json(ctx.bodyAs(Object.class)));
        try (AuroraTestClient socket = AuroraTestClient.http(app)) {
            TestResponse r = socket.post("/any").body("[".repeat(100_000), "application/json").send()
                    .assertStatus(400).assertHeader("Content-Type", "application/problem+json");

            assertTrue(r.problem().detail().startsWith("JSON nested deeper than 256 levels"), r::describe);
            socket.post("/any").body("[".repeat(20) + "1" + "]".repeat(20), "application/json").send()
                    .assertStatus(200).assertBody("[".repeat(20) + "1" + "]".repeat(20));
        }
    }

    @Test
    void emptyBodyForJsonIs400() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));

        client.post("/people").body("", null).send().assertStatus(400);
    }

    @Test
    void validJsonRoundTrips() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));

        TestResponse r = client.post("/people").body("{\"name\":\"Ada\",\"age\":36}", null).send().assertStatus(200);

        assertEquals(new Person("Ada", 36), r.json(Person.class));
    }

    @Test
    void headersOfAnHttpExceptionReachTheErrorResponse() {
        app.get("/private", ctx -> {
            throw new UnauthorizedException("log in").header("WWW-Authenticate", "Bearer realm=\"api\"");
        });

        TestResponse r = client.get("/private").send().assertStatus(401)
                .assertHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        assertEquals("log in", r.problem().detail());
    }

    @Test
    void anInvalidExceptionHeaderFailsWhereItIsSet() {
        HttpException e = new HttpException(429, "slow down");
        assertThrows(IllegalArgumentException.class, () -> e.header("Retry After", "1"));
        assertThrows(IllegalArgumentException.class, () -> e.header("Retry-After", "1\r\nX-Injected: 1"));
        assertEquals(Map.of(), e.headers());
        assertEquals(Map.of("Retry-After", "1"), e.header("Retry-After", "1").headers());
    }
}
