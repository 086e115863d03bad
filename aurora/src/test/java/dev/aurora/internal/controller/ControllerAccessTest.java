package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Handler;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Param;
import dev.aurora.annotation.Prefix;
import org.junit.jupiter.api.Test;

/**
 * Controllers need not be public: private and package-private classes, nested, local and
 * anonymous ones, with methods of any visibility, all work on the class path.
 */
class ControllerAccessTest {

    @Prefix("/private")
    private static final class PrivateController {
        private final String greeting;

        private PrivateController(String greeting) {
            this.greeting = greeting;
        }

        @Get("/:name")
        private String hello(@Param("name") String name) {
            return greeting + " " + name;
        }
    }

    /** An inner (non-static) class: the instance also carries its outer test. */
    private final class InnerController {
        @Get("/inner")
        protected String inner() {
            return "inner of " + ControllerAccessTest.this.getClass().getSimpleName();
        }
    }

    static class StaticMethodController {
        @Get("/static")
        static String fromStatic() {
            return "static";
        }
    }

    @Test
    void privateNestedClassWithPrivateMethodWorks() throws Exception {
        FakeContext ctx = new FakeContext().withParam("name", "Ada");
        assertEquals("hi Ada", Controllers.call(new PrivateController("hi"), "GET", "/private/:name", ctx).text());
    }

    @Test
    void packagePrivateTopLevelClassWorks() throws Exception {
        assertEquals("package-private",
                Controllers.call(new PackagePrivateController(), "GET", "/pp", new FakeContext()).text());
    }

    @Test
    void innerClassWorks() throws Exception {
        assertEquals("inner of ControllerAccessTest",
                Controllers.call(new InnerController(), "GET", "/inner", new FakeContext()).text());
    }

    @Test
    void anonymousClassWorks() throws Exception {
        Object controller = new Object() {
            @Get("/anonymous")
            String anonymous() {
                return "anonymous";
            }
        };
        assertEquals("anonymous", Controllers.call(controller, "GET", "/anonymous", new FakeContext()).text());
    }

    @Test
    void localClassWorks() throws Exception {
        class Local {
            @Get("/local")
            String local() {
                return "local";
            }
        }
        assertEquals("local", Controllers.call(new Local(), "GET", "/local", new FakeContext()).text());
    }

    @Test
    void staticRouteMethodIsCalledWithoutTheInstance() throws Exception {
        assertEquals("static",
                Controllers.call(new StaticMethodController(), "GET", "/static", new FakeContext()).text());
    }

    @Test
    void eachRouteIsBoundToItsOwnInstance() throws Exception {
        PrivateController en = new PrivateController("hello");
        PrivateController fr = new PrivateController("bonjour");
        var enHandler = Controllers.route(en, "GET", "/private/:name").handler();
        var frHandler = Controllers.route(fr, "GET", "/private/:name").handler();
        assertEquals("hello Ada", call(enHandler, "Ada"));
        assertEquals("bonjour Ada", call(frHandler, "Ada"));
    }

    private static String call(Handler handler, String name) throws Exception {
        FakeContext ctx = new FakeContext().withParam("name", name);
        handler.handle(ctx);
        return ctx.text();
    }
}

/** A second top-level class in this file, so package-private and invisible outside the package. */
class PackagePrivateController {
    @Get("/pp")
    String get() {
        return "package-private";
    }
}
