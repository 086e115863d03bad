/**
 * Aurora test support: the test client, the JUnit 5 extension and the log and polling helpers.
 *
 * <p>It is the one module {@code dev.aurora} exports {@code dev.aurora.internal.inprocess} to (the
 * in-process transport). On the module path, a test module must open the packages of its
 * {@code @TestApp} fields and methods to {@code dev.aurora.test}, which reads them reflectively,
 * and to {@code org.junit.platform.commons}, as JUnit itself needs (see docs/testing.md).
 */
module dev.aurora.test {
    // Aurora, the JUnit Jupiter API (annotations, extension, assertions), Jackson (JsonNode,
    // TypeReference) and SLF4J (LogLine's Level) appear in this module's API.
    requires transitive dev.aurora;
    requires transitive org.junit.jupiter.api;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive org.slf4j;
    requires org.junit.platform.commons;
    // Optional: only LogCapture uses it, and only when a test asks for one.
    requires static ch.qos.logback.classic;
    requires static ch.qos.logback.core;

    exports dev.aurora.test;
}
