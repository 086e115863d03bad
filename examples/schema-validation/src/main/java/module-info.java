/**
 * The schema validation example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.schema/dev.aurora.examples.schema.RegistrationApp} (what {@code exec:exec}
 * runs).
 */
module dev.aurora.examples.schema {
    requires dev.aurora;

    // RegistrationApp.create and the records, for the tests: a module of their own (dev.aurora.examples.schema.tests).
    exports dev.aurora.examples.schema;
    // Jackson binds the records; Aurora's Schema and query binding read their annotations.
    opens dev.aurora.examples.schema to com.fasterxml.jackson.databind, dev.aurora;
}
