/** The schema validation example's tests, a module of their own, run on the module path. */
module dev.aurora.examples.schema.tests {
    requires dev.aurora.examples.schema;
    requires dev.aurora.test;

    opens dev.aurora.examples.schema.tests to org.junit.platform.commons, dev.aurora.test;
}
