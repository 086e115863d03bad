package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Context;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Header;
import dev.aurora.annotation.Param;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Query;
import dev.aurora.annotation.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every invalid controller fails at registration, naming its class and method and the problem. */
class ControllerRegistrationErrorTest {

    /** Asserts the message names the class, the method (as a site) and each of {@code fragments}. */
    private static void assertError(Object controller, String method, String... fragments) {
        String message = Controllers.registrationError(controller);
        String site = controller.getClass().getName() + "." + method + "(ControllerRegistrationErrorTest.java)";
        assertTrue(message.startsWith("Invalid controller method " + site + ": "), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "'" + fragment + "' missing from: " + message);
        }
    }

    static class Unannotated {
        @Get("/:id")
        String get(@Param("id") String id, String extra) {
            return id + extra;
        }
    }

    @Test
    void unannotatedParameterIsRefused() {
        assertError(new Unannotated(), "get", "parameter 2 (java.lang.String)", "no binding annotation", "@Param");
    }

    static class UnsupportedParamType {
        @Get("/:ids")
        String get(@Param("ids") List<String> ids) {
            return "";
        }
    }

    static class UnsupportedQueryType {
        @Get("/")
        String get(@Query("at") java.util.Locale at) {
            return "";
        }
    }

    static class UnsupportedHeaderType {
        @Get("/")
        String get(@Header("X-Map") Map<String, String> map) {
            return "";
        }
    }

    @Test
    void unsupportedTypesAreRefused() {
        assertError(new UnsupportedParamType(), "get", "parameter 1 (java.util.List<java.lang.String>)", "@Param",
                "String, int, long, double, boolean");
        assertError(new UnsupportedQueryType(), "get", "parameter 1 (java.util.Locale)", "@Query");
        assertError(new UnsupportedHeaderType(), "get", "parameter 1 (java.util.Map<", "@Header");
    }

    static class TwoBindings {
        @Get("/:id")
        String get(@Param("id") @Query("id") String id) {
            return id;
        }
    }

    @Test
    void twoBindingAnnotationsOnOneParameterAreRefused() {
        assertError(new TwoBindings(), "get", "parameter 1", "more than one binding annotation", "@Param", "@Query");
    }

    static class AnnotatedContext {
        @Get("/")
        void get(@Body Context ctx) {
        }
    }

    @Test
    void annotatedContextIsRefused() {
        assertError(new AnnotatedContext(), "get", "parameter 1 (dev.aurora.Context)", "takes no binding annotation");
    }

    static class TwoRoutes {
        @Get("/a")
        @Post("/a")
        String both() {
            return "";
        }
    }

    @Test
    void twoRouteAnnotationsOnOneMethodAreRefused() {
        assertError(new TwoRoutes(), "both", "2 route annotations", "@Get", "@Post");
    }

    @Prefix("/users")
    static class ParamNotInPattern {
        @Get("/:userId")
        String get(@Param("id") long id) {
            return "";
        }
    }

    @Test
    void pathParameterMissingFromThePatternIsRefused() {
        assertError(new ParamNotInPattern(), "get", "@Param(\"id\")", "/users/:userId", "no :id or *id");
    }

    static class ParamInPrefixOnly {
        @Get("/files")
        String get(@Param("files") String files) {
            return "";
        }
    }

    @Test
    void staticSegmentIsNotAPathParameter() {
        assertError(new ParamInPrefixOnly(), "get", "@Param(\"files\")");
    }

    static class TwoBodies {
        @Post("/")
        String post(@Body String a, @Body String b) {
            return a + b;
        }
    }

    @Test
    void twoBodiesAreRefused() {
        assertError(new TwoBodies(), "post", "two @Body parameters", "parameter 1", "parameter 2");
    }

    static class StatusTooLow {
        @Get("/")
        @Status(199)
        void get() {
        }
    }

    static class StatusTooHigh {
        @Get("/")
        @Status(600)
        void get() {
        }
    }

    @Test
    void statusOutside200To599IsRefused() {
        assertError(new StatusTooLow(), "get", "@Status(199) must be 200-599");
        assertError(new StatusTooHigh(), "get", "@Status(600) must be 200-599");
    }

    static class BadDefault {
        @Get("/")
        String get(@Query(value = "page", defaultValue = "first") int page) {
            return "";
        }
    }

    @Test
    void queryDefaultThatDoesNotConvertIsRefused() {
        assertError(new BadDefault(), "get", "defaultValue \"first\"", "Query parameter page must be an int");
    }

    static class EmptyQueryName {
        @Get("/")
        String get(@Query("") String q) {
            return q;
        }
    }

    @Test
    void emptyQueryNameIsRefused() {
        assertError(new EmptyQueryName(), "get", "@Query with an empty name");
    }

    static class RelativePattern {
        @Get("users")
        String get() {
            return "";
        }
    }

    @Test
    void patternMustStartWithSlash() {
        assertError(new RelativePattern(), "get", "@Get(\"users\") must start with '/'");
    }

    @Prefix("api")
    static class RelativePrefix {
        @Get("/x")
        String get() {
            return "";
        }
    }

    @Test
    void prefixMustStartWithSlash() {
        String message = Controllers.registrationError(new RelativePrefix());
        assertEquals("Invalid controller " + RelativePrefix.class.getName() + ": @Prefix(\"api\") on "
                + RelativePrefix.class.getName() + " must start with '/'", message);
    }

    static class NoRoutes {
        String get() {
            return "";
        }
    }

    @Test
    void controllerWithoutRoutesIsRefused() {
        String message = Controllers.registrationError(new NoRoutes());
        assertTrue(message.startsWith("Invalid controller " + NoRoutes.class.getName() + ": no route annotations"),
                message);
    }

    @Test
    void classObjectInsteadOfInstanceHasNoRoutes() {
        assertTrue(Controllers.registrationError(Unannotated.class).contains("java.lang.Class: no route annotations"));
    }

    @Test
    void nullControllerIsRefused() {
        assertThrows(NullPointerException.class, () -> ControllerRoutes.of(null));
    }

    @Test
    void firstInvalidMethodFailsTheWholeController() {
        Object controller = new Object() {
            @Get("/ok")
            String ok() {
                return "";
            }

            @Get("/bad")
            String bad(int unbound) {
                return "";
            }
        };
        String message = Controllers.registrationError(controller);
        assertTrue(message.contains(".bad(ControllerRegistrationErrorTest.java)"), message);
    }
}
