/**
 * The production example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.production/dev.aurora.examples.production.ProductionApp} (what
 * {@code exec:exec} runs). The container and the systemd unit run the same classes from the class
 * path ({@code java -jar}), where {@code META-INF/services} takes the place of {@code provides}.
 */
module dev.aurora.examples.production {
    requires dev.aurora;
    // transitive: ProductionApp.create and Database throw SQLException.
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires org.slf4j;
    // Aurora only 'requires static' these two: the TOML file and the Prometheus endpoint need them.
    requires com.fasterxml.jackson.dataformat.toml;
    requires micrometer.registry.prometheus;
    requires micrometer.core;

    // ProductionApp and the records, for the tests: a module of their own.
    exports dev.aurora.examples.production;
    // Jackson reads and writes the records; Aurora's config and schema binding read their annotations.
    opens dev.aurora.examples.production to com.fasterxml.jackson.databind, dev.aurora;

    provides ch.qos.logback.classic.spi.Configurator with dev.aurora.examples.production.JsonLogging;
}
