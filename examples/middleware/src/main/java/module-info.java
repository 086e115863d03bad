/**
 * The middleware example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.middleware/dev.aurora.examples.middleware.MiddlewareApp} (what
 * {@code exec:exec} runs).
 */
module dev.aurora.examples.middleware {
    requires dev.aurora;
    // The audit log.
    requires org.slf4j;

    // MiddlewareApp.create, for the tests: a module of their own (dev.aurora.examples.middleware.tests).
    exports dev.aurora.examples.middleware;
    // The users are sent and read as JSON, and validated (Aurora reads their annotations).
    opens dev.aurora.examples.middleware to com.fasterxml.jackson.databind, dev.aurora;
}
