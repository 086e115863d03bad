package dev.aurora.examples.books;

import dev.aurora.Aurora;
import dev.aurora.FormConfig;
import dev.aurora.Router;
import dev.aurora.ServerConfig;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import java.sql.SQLException;

/**
 * A books API on an embedded H2 database through HikariCP and plain JDBC: blocking calls on
 * virtual threads, with no reactive driver and no thread pool of the application's own.
 *
 * <p>Run: {@code ./mvnw -q -pl examples/rest-crud -am -DskipTests package exec:exec}, then
 * {@code curl http://127.0.0.1:8080/books}. The database is in memory unless
 * {@code AURORA_DB_URL} (or {@code -Daurora.db.url}) names another, such as
 * {@code jdbc:h2:./target/books} for a file; {@code AURORA_DB_POOL_SIZE} and
 * {@code AURORA_DB_CONNECTION_TIMEOUT} size the pool ({@link DbConfig}). The first argument, if
 * any, is the port. Stops gracefully on Ctrl-C or SIGTERM, then closes the pool.
 */
public final class BooksApp {
    /** Loopback only, port 8080, 64 KiB bodies (the cover upload route raises its own limit). */
    public static final ServerConfig DEFAULTS = ServerConfig.defaults()
            .withHost("127.0.0.1").withPort(8080).withMaxBodySize(64 * 1024);

    private BooksApp() {
    }

    /**
     * Builds the application without starting it (tests start it on port 0); creates the tables
     * if they are missing.
     *
     * @param config the server configuration
     * @param db the database; closing it is the caller's
     * @return the application
     * @throws SQLException if the tables cannot be created
     */
    public static Aurora create(ServerConfig config, Database db) throws SQLException {
        BookStore store = new BookStore(db);
        Router books = BookRoutes.router(store);
        CoverRoutes.register(books, store);
        return Aurora.create(config)
                .forms(FormConfig.defaults().withMaxFileSize(CoverRoutes.MAX_SIZE))
                .includeRouter("/books", books);
    }

    /**
     * @param args optional port
     * @throws SQLException if the database cannot be set up
     */
    public static void main(String[] args) throws SQLException {
        ServerConfig server;
        DbConfig dbConfig;
        try {
            Configuration.Builder sources = Configuration.builder().section("db", DbConfig.class);
            if (args.length > 0) {
                sources.set("server.port", args[0]);
            }
            Configuration config = sources.build();
            server = config.section("server", ServerConfig.class, DEFAULTS);
            dbConfig = config.section("db", DbConfig.class);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Database db = Database.open(dbConfig);
        Aurora app = create(server, db);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            db.close();
        }, "aurora-shutdown"));
        app.start();
    }
}
