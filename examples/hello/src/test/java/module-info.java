/**
 * The hello example's tests, a module of their own that uses the example and aurora-test as any
 * modular application's tests would; surefire runs it on the module path.
 */
module dev.aurora.examples.hello.tests {
    requires dev.aurora.examples.hello;
    // And, through it, dev.aurora, the JUnit Jupiter API and Jackson.
    requires dev.aurora.test;
    // The JDK's HTTP client, as a real client of the socket.
    requires java.net.http;

    // JUnit instantiates the (package-private) test classes and calls their methods; @AuroraTest
    // reads the @TestApp fields and methods.
    opens dev.aurora.examples.hello.tests to org.junit.platform.commons, dev.aurora.test;
}
