/**
 * The hello example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.hello/dev.aurora.examples.hello.HelloApp} (what {@code exec:exec} runs).
 *
 * <p>SLF4J finds Logback as a service provider; Logback finds {@code HelloLogging}, the
 * example's logging configuration in code, as a service of its own.
 */
module dev.aurora.examples.hello {
    requires dev.aurora;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    // aurora.toml is read through it; Aurora only 'requires static' it.
    requires com.fasterxml.jackson.dataformat.toml;

    // HelloApp.create and configure, for the tests: a module of their own (dev.aurora.examples.hello.tests).
    exports dev.aurora.examples.hello;
    // GET /json serializes HelloApp.Message.
    opens dev.aurora.examples.hello to com.fasterxml.jackson.databind;

    provides ch.qos.logback.classic.spi.Configurator with dev.aurora.examples.hello.HelloLogging;
}
