package dev.aurora.examples.production;

import ch.qos.logback.classic.LoggerContext;
import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import java.sql.SQLException;
import org.slf4j.LoggerFactory;

/**
 * A notes API as a team would run it in production: configuration from {@code aurora.toml} with
 * environment overrides ({@link Settings}), JSON logs with request ids and an access log
 * ({@link JsonLogging}), Prometheus metrics with the JVM's meters at {@code /metrics}, liveness and
 * readiness (with a database check) at {@code /health/live} and {@code /health/ready}, a graceful
 * stop on SIGTERM, and HTTPS when {@code [server.tls]} is configured.
 *
 * <p>Run: {@code ./mvnw -q -pl examples/production -am -DskipTests package exec:exec}, or
 * {@code java -jar target/aurora-example-production.jar [config file]} after {@code package}.
 * A configuration mistake ends the process with exit code 2 and Aurora's message (file, key,
 * problem) on standard error; SIGTERM stops it gracefully: readiness goes down, for
 * {@code drainDelay} the server keeps serving, then the listener closes and requests in flight get
 * {@code shutdownTimeout} to finish; the JVM then exits with 143 (128 + SIGTERM), as any JVM
 * ended by a signal does.
 */
public final class ProductionApp implements AutoCloseable {
    private final Aurora app;
    private final Database db;

    private ProductionApp(Aurora app, Database db) {
        this.app = app;
        this.db = db;
    }

    /**
     * Builds the service without starting it (tests start it on port 0): opens the pool and
     * creates the table if it is missing.
     *
     * @param server the server's configuration
     * @param dbConfig the database's configuration
     * @return the service
     * @throws SQLException if the table cannot be created
     */
    public static ProductionApp create(ServerConfig server, DbConfig dbConfig) throws SQLException {
        Aurora app = Aurora.create(server)
                .requestIds()   // X-Request-Id on every response, requestId in the MDC of every log line
                .accessLog()
                .prometheus()   // GET /metrics, with Aurora's, the JVM's and the pool's meters
                .health();
        Database db = Database.open(dbConfig, app.meterRegistry());
        try {
            app.healthCheck("db", db::check).includeRouter("/notes", NoteRoutes.router(new NoteStore(db)));
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new ProductionApp(app, db);
    }

    /** {@return the application, to start, or to test in memory} */
    public Aurora app() {
        return app;
    }

    /** {@return the database behind the notes and the readiness check} */
    public Database database() {
        return db;
    }

    /**
     * Stops gracefully ({@link Aurora#stop()}: drain, then in-flight requests finish within the
     * shutdown timeout), then closes the pool, which requests no longer need.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            db.close();
        }
    }

    /**
     * @param args optional: the configuration file (default: {@value Settings#CONFIG_VARIABLE}, else
     *     {@code aurora.toml} in the working directory)
     * @throws SQLException if the database cannot be set up
     */
    public static void main(String[] args) throws SQLException {
        Settings settings;
        try {
            settings = Settings.load(Configuration.builder().file(Settings.file(args, System.getenv())));
        } catch (ConfigException e) {
            // The operator's to fix: every problem with its file, key and line, without a stack trace.
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ProductionApp service = create(settings.server(), settings.db());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            // Flushes the asynchronous appenders, so "Aurora stopped" is not lost with the JVM.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                logback.stop();
            }
        }, "aurora-shutdown"));
        service.app().start();
    }
}
