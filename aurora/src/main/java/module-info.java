/**
 * Aurora: an HTTP/1.1 web framework on virtual threads.
 *
 * <p>Applications on the module path that use annotated controllers must open the controller's
 * package to {@code dev.aurora}, and those that send their own types as JSON must open them to
 * {@code com.fasterxml.jackson.databind}.
 */
// dev.aurora.test is built after this module, so javac cannot see it here.
@SuppressWarnings("module")
module dev.aurora {
    requires transitive com.fasterxml.jackson.databind;
    // Optional: only .toml configuration files need it (the error names the artifact otherwise).
    requires static com.fasterxml.jackson.dataformat.toml;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires org.slf4j;
    // The heap guard reads the memory pools (java.lang.management).
    requires java.management;
    // The process descriptor limit, for the overload responder's bound; read on first refusal.
    requires static jdk.management;
    // Optional: only app.metrics(...) and app.prometheus(...) load them.
    requires static micrometer.core;
    requires static micrometer.registry.prometheus;

    exports dev.aurora;
    exports dev.aurora.annotation;
    exports dev.aurora.config;
    exports dev.aurora.error;
    exports dev.aurora.form;
    exports dev.aurora.handler;
    exports dev.aurora.health;
    exports dev.aurora.json;
    exports dev.aurora.middleware;
    exports dev.aurora.schema;
    exports dev.aurora.sse;
    exports dev.aurora.websocket;
    // Only the test client drives the in-process transport.
    exports dev.aurora.internal.inprocess to dev.aurora.test;
}
