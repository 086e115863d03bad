package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Test-side helpers: find a controller's route, call it with a {@link FakeContext}. */
final class Controllers {

    private Controllers() {
    }

    /** The route of {@code controller} registered for {@code method} and {@code path}; fails if none. */
    static ControllerRoutes.Route route(Object controller, String method, String path) {
        List<ControllerRoutes.Route> routes = ControllerRoutes.of(controller);
        return routes.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .findFirst()
                .orElseGet(() -> fail("No route " + method + " " + path + " in " + routes));
    }

    /** Calls the route {@code method path} of {@code controller} with {@code ctx}; returns {@code ctx}. */
    static FakeContext call(Object controller, String method, String path, FakeContext ctx) throws Exception {
        route(controller, method, path).handler().handle(ctx);
        return ctx;
    }

    /** The message of the registration error that {@code controller} causes. */
    static String registrationError(Object controller) {
        return assertThrows(IllegalArgumentException.class, () -> ControllerRoutes.of(controller)).getMessage();
    }
}
