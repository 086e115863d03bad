package dev.aurora.examples.production;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The service's logging: one JSON object per line on standard output (Logback's own
 * {@link JsonEncoder}, no further dependency), for the container runtime, journald or a log shipper
 * to collect. Every line carries the MDC as {@code mdc}, so lines logged during a request have its
 * {@code requestId} (and {@code traceId}, {@code spanId} from a {@code traceparent}); access log
 * lines carry their fields as {@code kvpList}.
 *
 * <p>Configured in code, found by Logback as a service ({@code META-INF/services} on the class
 * path, {@code provides} in module-info): no XML to parse at start-up (a few hundred milliseconds,
 * docs/startup.md) and no file to ship beside the jar. {@code -Dlogback.configurationFile=...}
 * still wins, for a team that wants another layout without rebuilding.
 *
 * <p>Both loggers go through an {@link AsyncAppender} with a bounded queue that never blocks: a
 * slow pipe costs log lines, never request latency.
 */
public final class JsonLogging extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an explicit file wins: Logback's own configurator reads it
        }
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setContext(context);
        json.setName("JSON");
        json.setEncoder(encoder(context));
        json.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(async(context, "ASYNC", 1024, json));
        // The access log: keep INFO lines until the queue is full (the default drops them at 80 %).
        Logger access = context.getLogger("dev.aurora.access");
        access.setLevel(Level.INFO);
        access.setAdditive(false);
        access.addAppender(async(context, "ACCESS", 8192, json));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static JsonEncoder encoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The message once, formatted; no raw template, arguments, context or sequence number.
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        return encoder;
    }

    private static AsyncAppender async(LoggerContext context, String name, int queueSize, ConsoleAppender<ILoggingEvent> to) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(name);
        async.setQueueSize(queueSize);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.addAppender(to);
        async.start();
        return async;
    }
}
