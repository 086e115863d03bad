package dev.aurora.tests.framework;

import dev.aurora.Aurora;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.Router;
import dev.aurora.Routes;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registration method of {@link Routes}, on the application and on an included router,
 * answers requests of its method through its own middleware, in the order listed.
 */
@AuroraTest
class VerbRoutingTest {

    /** Appends {@code name} to the request's {@code chain} attribute, then calls the rest. */
    private static Middleware tag(String name) {
        return (ctx, next) -> {
            String chain = ctx.attribute("chain");
            ctx.attribute("chain", chain == null ? name : chain + "," + name);
            next.handle(ctx);
        };
    }

    /** Answers with the verb it was registered for and the middleware that ran before it. */
    private static Handler answer(String verb) {
        return ctx -> ctx.header("X-Route", verb).header("X-Chain", ctx.<String>attribute("chain")).send("");
    }

    /** Registers every verb on {@code target} at {@code path}, each with middleware m1 then m2. */
    private static <S extends Routes<S>> S everyVerb(S target, String path) {
        return target
                .get(path, answer("GET"), tag("m1"), tag("m2"))
                .post(path, answer("POST"), tag("m1"), tag("m2"))
                .put(path, answer("PUT"), tag("m1"), tag("m2"))
                .patch(path, answer("PATCH"), tag("m1"), tag("m2"))
                .delete(path, answer("DELETE"), tag("m1"), tag("m2"))
                .head(path, answer("HEAD"), tag("m1"), tag("m2"))
                .options(path, answer("OPTIONS"), tag("m1"), tag("m2"))
                .route("PROPFIND", path, answer("PROPFIND"), tag("m1"), tag("m2"));
    }

    @TestApp
    static Aurora app() {
        Router router = everyVerb(Router.create().use(tag("router")), "/p");
        return everyVerb(Aurora.create().use(tag("app")), "/app").includeRouter("/r", router);
    }

    /** Each method on the application's route and on the router's, with the chain each runs. */
    static Stream<Arguments> requests() {
        return Stream.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PROPFIND").flatMap(method -> Stream.of(
                Arguments.of(method, "/app", "app,m1,m2"),
                Arguments.of(method, "/r/p", "app,router,m1,m2")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requests")
    void theRouteOfEachVerbAnswersItsMethodThroughItsMiddleware(String method, String path, String chain,
            AuroraTestClient client) {
        client.request(method, path).send().assertStatus(200)
                .assertHeader("X-Route", method)
                .assertHeader("X-Chain", chain);
    }
}
