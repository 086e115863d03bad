package dev.aurora.examples.hello;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The example's logging, configured in code: Logback finds this class as a service
 * ({@code META-INF/services} and {@code provides} in module-info) and skips its XML configurator,
 * which costs a few hundred milliseconds of start-up (see docs/performance.md, "Start-up").
 *
 * <p>Development lines on the console; the access log ({@code -Dhello.accessLog=true}) through an
 * {@link AsyncAppender} with a bounded queue that drops lines rather than make a request wait.
 * {@code -Dlogback.configurationFile=logback-json.xml} still selects the XML file (production JSON).
 */
public final class HelloLogging extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an explicit file wins: Logback's own configurator reads it
        }
        ConsoleAppender<ILoggingEvent> console = console(context, "CONSOLE",
                "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %X{requestId:-} - %msg%n");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);

        // The message reads "GET /users/42 200 153µs"; the key-values (%kvp) add the rest.
        ConsoleAppender<ILoggingEvent> accessConsole = console(context, "ACCESS_CONSOLE",
                "%d{HH:mm:ss.SSS} ACCESS %msg %kvp{NONE}%n");
        AsyncAppender access = new AsyncAppender();
        access.setContext(context);
        access.setName("ACCESS");
        access.setQueueSize(8192);
        // Keep INFO lines when the queue fills up (the default drops them at 80 %), but never block.
        access.setDiscardingThreshold(0);
        access.setNeverBlock(true);
        access.addAppender(accessConsole);
        access.start();
        Logger accessLog = context.getLogger("dev.aurora.access");
        accessLog.setLevel(Level.INFO);
        accessLog.setAdditive(false);
        accessLog.addAppender(access);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
