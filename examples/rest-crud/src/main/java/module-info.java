/**
 * The books example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.books/dev.aurora.examples.books.BooksApp} (what {@code exec:exec} runs).
 *
 * <p>HikariCP finds the H2 driver through {@link java.sql.DriverManager}, which loads it as a
 * service of the (automatic) {@code com.h2database} module.
 */
module dev.aurora.examples.books {
    requires dev.aurora;
    requires java.sql;
    requires com.zaxxer.hikari;

    // BooksApp.create and the records, for the tests: a module of their own (dev.aurora.examples.books.tests).
    exports dev.aurora.examples.books;
    // Jackson reads and writes the records; Aurora's schema and query binding read their annotations.
    opens dev.aurora.examples.books to com.fasterxml.jackson.databind, dev.aurora;
}
