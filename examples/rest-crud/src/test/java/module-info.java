/** The books example's tests, a module of their own, run on the module path. */
module dev.aurora.examples.books.tests {
    requires dev.aurora.examples.books;
    requires dev.aurora.test;
    // The tests' own connection to the database, to hold row locks and watch sessions wait.
    requires java.sql;

    opens dev.aurora.examples.books.tests to org.junit.platform.commons, dev.aurora.test;
}
