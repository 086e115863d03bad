/**
 * The hello example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.hello/dev.aurora.examples.hello.HelloApp} (what {@code exec:exec} runs).
 *
 * <p>Logback is not required: SLF4J finds it as a service provider, which the module system
 * resolves from the module path by itself.
 */
module dev.aurora.examples.hello {
    requires dev.aurora;

    // HelloApp.create and configure, for the tests: a module of their own (dev.aurora.examples.hello.tests).
    exports dev.aurora.examples.hello;
    // GET /json serializes HelloApp.Message.
    opens dev.aurora.examples.hello to com.fasterxml.jackson.databind;
}
