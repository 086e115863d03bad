package dev.aurora.examples.production.tests;

import dev.aurora.Aurora;
import dev.aurora.examples.production.DbConfig;
import dev.aurora.examples.production.ProductionApp;
import dev.aurora.examples.production.Settings;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.TestApp;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The base of the in-memory tests: each test gets the service on a database of its own, closed after it. */
@AuroraTest
abstract class ServiceTest {
    final ProductionApp service;

    ServiceTest() throws SQLException {
        DbConfig db = DbConfig.defaults().withUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        service = ProductionApp.create(Settings.SERVER_DEFAULTS.withHost("127.0.0.1").withPort(0), db);
    }

    @TestApp
    Aurora app() {
        return service.app();
    }

    @AfterEach
    void closeDatabase() {
        service.database().close();
    }
}
