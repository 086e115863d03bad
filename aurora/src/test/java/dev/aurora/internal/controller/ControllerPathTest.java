package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.annotation.Delete;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Head;
import dev.aurora.annotation.Options;
import dev.aurora.annotation.Patch;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Put;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which methods become routes, with which HTTP method, full path and site. */
class ControllerPathTest {

    @Prefix("/users")
    static class UserController {
        @Get("/:id")
        String byId() {
            return "one";
        }

        @Get
        String list() {
            return "all";
        }

        @Post("/")
        String create() {
            return "created";
        }

        @Get("/:id/files/*path")
        String file() {
            return "file";
        }

        String helper() {
            return "not a route";
        }
    }

    static class RootController {
        @Get
        String root() {
            return "root";
        }

        @Get("/")
        String slash() {
            return "slash";
        }

        @Get("/health")
        String health() {
            return "ok";
        }
    }

    @Prefix("/api/")
    static class TrailingSlashPrefix {
        @Get("/items")
        String items() {
            return "items";
        }

        @Get
        String self() {
            return "self";
        }
    }

    static class EveryVerb {
        @Get("/r")
        void get() {
        }

        @Post("/r")
        void post() {
        }

        @Put("/r")
        void put() {
        }

        @Patch("/r")
        void patch() {
        }

        @Delete("/r")
        void delete() {
        }

        @Head("/r")
        void head() {
        }

        @Options("/r")
        void options() {
        }
    }

    @Prefix("/base")
    static class BaseController {
        @Get("/a")
        String a() {
            return "base a";
        }

        @Get("/b")
        String b() {
            return "base b";
        }
    }

    static class DerivedController extends BaseController {
        // No route annotation: keeps GET /base/a, and requests reach this override.
        @Override
        String a() {
            return "derived a";
        }

        // Annotated: replaces the inherited route.
        @Override
        @Get("/b2")
        String b() {
            return "derived b";
        }
    }

    private static Set<String> routes(Object controller) {
        return ControllerRoutes.of(controller).stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toSet());
    }

    private static List<String> sites(Object controller) {
        return ControllerRoutes.of(controller).stream().map(ControllerRoutes.Route::site).toList();
    }

    @Test
    void prefixAndPatternAreJoined() {
        assertEquals(Set.of("GET /users/:id", "GET /users", "POST /users", "GET /users/:id/files/*path"),
                routes(new UserController()));
    }

    @Test
    void withoutPrefixAnEmptyPatternAndSlashAreTheRoot() {
        List<ControllerRoutes.Route> routes = ControllerRoutes.of(new RootController());
        assertEquals(List.of("/health", "/", "/"), routes.stream().map(ControllerRoutes.Route::path).toList());
    }

    @Test
    void trailingSlashOfThePrefixIsDropped() {
        assertEquals(Set.of("GET /api/items", "GET /api"), routes(new TrailingSlashPrefix()));
    }

    @Test
    void eachRouteAnnotationGivesItsMethod() {
        assertEquals(Set.of("GET /r", "POST /r", "PUT /r", "PATCH /r", "DELETE /r", "HEAD /r", "OPTIONS /r"),
                routes(new EveryVerb()));
    }

    @Test
    void eachRouteCallsItsOwnMethod() throws Exception {
        UserController c = new UserController();
        assertEquals("one", Controllers.call(c, "GET", "/users/:id", new FakeContext()).text());
        assertEquals("all", Controllers.call(c, "GET", "/users", new FakeContext()).text());
        assertEquals("created", Controllers.call(c, "POST", "/users", new FakeContext()).text());
    }

    @Test
    void methodsWithoutRouteAnnotationsAreIgnored() {
        assertEquals(4, ControllerRoutes.of(new UserController()).size());
    }

    @Test
    void siteNamesClassMethodAndFile() {
        ControllerRoutes.Route route = Controllers.route(new UserController(), "GET", "/users/:id");
        assertEquals(UserController.class.getName() + ".byId(ControllerPathTest.java)", route.site());
        assertEquals(route.site(), route.handler().toString());
    }

    @Test
    void routesAreInheritedWithThePrefixAndOverridesAreCalled() throws Exception {
        DerivedController c = new DerivedController();
        assertEquals(Set.of("GET /base/a", "GET /base/b2"), routes(c));
        assertEquals("derived a", Controllers.call(c, "GET", "/base/a", new FakeContext()).text());
        assertEquals("derived b", Controllers.call(c, "GET", "/base/b2", new FakeContext()).text());
    }

    @Test
    void routesAreListedInAStableOrder() {
        List<String> first = sites(new EveryVerb());
        for (int i = 0; i < 5; i++) {
            assertEquals(first, sites(new EveryVerb()));
        }
        assertTrue(first.get(0).contains(".delete("), first.toString());
    }
}
