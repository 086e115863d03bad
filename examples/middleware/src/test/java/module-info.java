/** The middleware example's tests, a module of their own, run on the module path. */
module dev.aurora.examples.middleware.tests {
    requires dev.aurora.examples.middleware;
    requires dev.aurora.test;

    opens dev.aurora.examples.middleware.tests to org.junit.platform.commons, dev.aurora.test;
}
