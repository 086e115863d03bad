package dev.aurora.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exceptions from handlers become the right status and body: problems, plain text, mappers. */
class ErrorMappingTest extends FrameworkTestSupport {

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
        start();

        Reply r = send("POST", "/act", "{}");

        assertEquals(status, r.status(), r::toString);
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals(title, problem.get("title").asText());
        assertEquals(status, problem.get("status").asInt());
        assertEquals("Cannot do that: " + status, problem.get("detail").asText());
        assertEquals("/act", problem.get("instance").asText());
        assertEquals("email", problem.get("errors").get(0).get("field").asText());
        assertEquals("must be an address", problem.get("errors").get(0).get("message").asText());
        assertEquals(3, problem.get("retry").asInt());
    }

    @Test
    void unprocessableEntityWithFieldErrorsMatchesTheDocumentedBody() throws Exception {
        app.post("/users", ctx -> {
            throw new UnprocessableEntityException("Invalid user", Map.of("errors", List.of(
                    Map.of("field", "email", "message", "must be an address"))));
        });
        start();

        Reply r = send("POST", "/users", "{}");

        assertEquals(422, r.status());
        assertEquals(JSON.readTree("{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
                + "\"detail\":\"Invalid user\",\"instance\":\"/users\",\"errors\":[{\"field\":\"email\","
                + "\"message\":\"must be an address\"}]}"), r.json());
    }

    @Test
    void detailsCannotOverrideStandardProblemMembers() {
        app.get("/x", ctx -> {
            throw new ConflictException("Taken", Map.of("status", 200, "type", "https://evil", "code", "E1"));
        });
        start();

        JsonNode problem = get("/x").json();
        assertEquals(409, problem.get("status").asInt());
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals("E1", problem.get("code").asText());
    }

    @Test
    void methodNotAllowedThrownByHandlerCarriesAllow() {
        app.get("/x", ctx -> {
            throw new MethodNotAllowedException("Read-only today");
        });
        start();

        Reply r = get("/x");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
    }

    @Test
    void acceptTextPlainGetsMessageAsText() {
        app.get("/x", ctx -> {
            throw new ForbiddenException("You shall not pass");
        });
        start();

        Reply r = get("/x", "Accept", "text/plain");

        assertEquals(403, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("You shall not pass", r.text());
    }

    @Test
    void acceptTextPlainOnUnknownPathAndOnA500() {
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal detail");
        });
        start();

        Reply notFound = get("/missing", "Accept", "text/plain");
        assertEquals(404, notFound.status());
        assertTrue(notFound.text().contains("/missing"), notFound::toString);

        Reply error = get("/boom", "Accept", "text/*");
        assertEquals(500, error.status());
        assertEquals("Internal Server Error", error.text());
    }

    @Test
    void acceptListingJsonToGetsProblemJson() {
        app.get("/x", ctx -> {
            throw new NotFoundException("nothing");
        });
        start();

        assertEquals("application/problem+json", get("/x", "Accept", "text/plain, application/json").header("Content-Type"));
        assertEquals("application/problem+json", get("/x", "Accept", "*/*").header("Content-Type"));
    }

    @Test
    void unknownExceptionIs500RevealingNothing() {
        app.get("/x", ctx -> {
            throw new IllegalStateException("db password is hunter2", new RuntimeException("inner cause"));
        });
        start();

        Reply r = get("/x");

        assertEquals(500, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        String body = r.text();
        JsonNode problem = r.json();
        assertEquals("Internal Server Error", problem.get("title").asText());
        assertEquals(500, problem.get("status").asInt());
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
        start();

        Reply r = get("/x");
        assertEquals(500, r.status());
        assertFalse(r.text().contains("disk"), r::toString);
    }

    @Test
    void customMapperIsUsed() {
        app.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).header("X-Mapped", "yes")
                .json(Map.of("error", e.getMessage())));
        app.get("/x", ctx -> {
            throw new IllegalStateException("state is wrong");
        });
        start();

        Reply r = get("/x");

        assertEquals(409, r.status());
        assertEquals("yes", r.header("X-Mapped"));
        assertEquals("state is wrong", r.json().get("error").asText());
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
        start();

        assertEquals("illegal argument", get("/nfe").text());
        assertEquals(400, get("/nfe").status());
        assertEquals("illegal argument", get("/iae").text());
        assertEquals("runtime", get("/ise").text());
    }

    @Test
    void mostSpecificMapperWinsWhateverTheRegistrationOrder() {
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).send("illegal argument"));
        app.exception(NumberFormatException.class, (e, ctx) -> ctx.status(422).send("number"));
        app.exception(RuntimeException.class, (e, ctx) -> ctx.status(500).send("runtime"));
        app.get("/nfe", ctx -> {
            throw new NumberFormatException("x");
        });
        start();

        Reply r = get("/nfe");
        assertEquals(422, r.status());
        assertEquals("number", r.text());
    }

    @Test
    void mapperForHttpExceptionSubtypeOverridesDefaultProblem() {
        app.exception(NotFoundException.class, (e, ctx) -> ctx.status(404).send("custom 404: " + ctx.path()));
        app.get("/x", ctx -> ctx.send("x"));
        start();

        Reply r = get("/nowhere");
        assertEquals(404, r.status());
        assertEquals("custom 404: /nowhere", r.text());
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
        start();

        Reply r = get("/x");

        assertEquals(500, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(null, r.header("X-Half"));
        assertFalse(r.text().contains("secret"), r::toString);
        assertFalse(r.text().contains("first"), r::toString);
    }

    @Test
    void responseWrittenBeforeTheExceptionIsReplaced() {
        app.get("/x", ctx -> {
            ctx.status(201).header("X-Partial", "1").contentType("text/html");
            throw new ConflictException("late conflict");
        });
        start();

        Reply r = get("/x");

        assertEquals(409, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(null, r.header("X-Partial"));
    }

    @Test
    void mapperForUncheckedIoExceptionIsUsed() {
        app.exception(UncheckedIOException.class, (e, ctx) -> ctx.status(503).send("storage unavailable"));
        app.get("/x", ctx -> {
            throw new UncheckedIOException(new IOException("disk full"));
        });
        start();

        Reply r = get("/x");

        assertEquals(503, r.status(), r::toString);
        assertEquals("storage unavailable", r.text());
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));
        start();

        Reply r = send("POST", "/people", "{\n  \"name\": \"Ada\",\n  \"age\": 36,,\n}");

        assertEquals(400, r.status(), r::toString);
        assertEquals("application/problem+json", r.header("Content-Type"));
        String detail = r.json().get("detail").asText();
        assertTrue(detail.startsWith("Malformed JSON"), detail);
        assertTrue(detail.contains("line 3"), detail);
        assertTrue(detail.contains("column "), detail);
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));
        start();

        Reply r = send("POST", "/people", "{\"name\":\"Ada\",\"age\":\"old\"}");

        assertEquals(400, r.status(), r::toString);
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains("'age'"), detail);
        assertFalse(detail.contains("Person"), detail);
    }

    @Test
    void wrongTypeInListElementNamesThePath() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(
                new com.fasterxml.jackson.core.type.TypeReference<List<Person>>() { }.getType())));
        start();

        Reply r = send("POST", "/people", "[{\"name\":\"Ada\",\"age\":1},{\"name\":\"Bob\",\"age\":[]}]");

        assertEquals(400, r.status(), r::toString);
        assertTrue(r.json().get("detail").asText().contains("'1/age'"), r::toString);
        assertEquals(200, send("POST", "/people", "[{\"name\":\"Ada\",\"age\":1}]").status());
    }

    @Test
    void unknownPropertyIs400() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));
        start();

        Reply r = send("POST", "/people", "{\"name\":\"Ada\",\"age\":36,\"admin\":true}");

        assertEquals(400, r.status(), r::toString);
        assertTrue(r.json().get("detail").asText().contains("Unknown field 'admin'"), r::toString);
    }

    @Test
    void emptyBodyForJsonIs400() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));
        start();

        Reply r = send("POST", "/people", "");

        assertEquals(400, r.status(), r::toString);
    }

    @Test
    void validJsonRoundTrips() {
        app.post("/people", ctx -> ctx.json(ctx.bodyAs(Person.class)));
        start();

        Reply r = send("POST", "/people", "{\"name\":\"Ada\",\"age\":36}");

        assertEquals(200, r.status());
        assertEquals("Ada", r.json().get("name").asText());
        assertEquals(36, r.json().get("age").asInt());
    }
}
