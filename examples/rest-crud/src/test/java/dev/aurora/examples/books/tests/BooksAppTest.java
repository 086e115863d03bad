package dev.aurora.examples.books.tests;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.TestApp;
import org.junit.jupiter.api.AfterEach;

/** The base of the tests: each test gets the application on a database of its own, closed after it. */
@AuroraTest
abstract class BooksAppTest {
    final TestDatabase db;

    /** A pool of 4 that waits up to 10 s for a lock: nothing times out unless a test means it to. */
    BooksAppTest() {
        this(TestDatabase.create());
    }

    BooksAppTest(TestDatabase db) {
        this.db = db;
    }

    @TestApp
    Aurora app() {
        return db.app();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
