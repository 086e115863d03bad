package dev.aurora.test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Captures the log events of one logger (and its children) while attached, for tests that wait
 * for a log line: {@code logs.await(line -> line.message().contains("started"))}. Needs Logback as
 * the SLF4J backend (Aurora's default). Keeps the newest {@value #CAPACITY} events.
 *
 * <p>Events come from every thread, including other tests running in parallel; match on content
 * (a request id, a path) rather than on counts when tests run concurrently.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.attach("com.example.orders", Level.INFO)) {
 *     client.post("/orders").json(order).send().assertStatus(202);
 *     logs.await(line -> line.message().startsWith("order shipped"));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    /** How many events are kept; older ones are dropped first. */
    public static final int CAPACITY = 10_000;

    private final Logger logger;
    private final ch.qos.logback.classic.Level previousLevel;
    private final Appender appender = new Appender();
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
    private long dropped;

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        if (level != null) {
            logger.setLevel(ch.qos.logback.classic.Level.convertAnSLF4JLevel(level));
        }
        appender.setContext(logger.getLoggerContext());
        appender.setName("aurora-log-capture");
        appender.start();
        logger.addAppender(appender);
    }

    /**
     * Captures every event that reaches the root logger at the levels configured now.
     *
     * @return the capture; {@link #close()} detaches it
     * @throws IllegalStateException if Logback is not the SLF4J backend
     */
    public static LogCapture attach() {
        return attach(org.slf4j.Logger.ROOT_LOGGER_NAME, null);
    }

    /**
     * Captures the events of {@code loggerName} and its children at or above {@code level}; the
     * logger's level is set to {@code level} while attached and restored on {@link #close()}.
     *
     * @param loggerName a logger name, e.g. {@code dev.aurora}
     * @param level the lowest level to capture, or {@code null} to keep the configured levels
     * @return the capture
     * @throws IllegalStateException if Logback is not the SLF4J backend
     */
    public static LogCapture attach(String loggerName, Level level) {
        Objects.requireNonNull(loggerName, "loggerName");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("LogCapture needs Logback as the SLF4J backend, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        return new LogCapture(context.getLogger(loggerName), level);
    }

    /** {@return the captured events so far, oldest first} */
    public List<LogLine> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** {@return how many events were dropped because more than {@value #CAPACITY} arrived} */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return whether a captured event matches now}
     *
     * @param condition what to look for
     */
    public boolean contains(Predicate<? super LogLine> condition) {
        return lines().stream().anyMatch(condition);
    }

    /**
     * Waits up to {@link Eventually#DEFAULT_TIMEOUT} for a matching event.
     *
     * @param condition what to wait for
     * @return the first matching event
     * @throws AssertionError listing the captured events if none matches in time
     */
    public LogLine await(Predicate<? super LogLine> condition) {
        return await(Eventually.DEFAULT_TIMEOUT, condition);
    }

    /**
     * Waits up to {@code timeout} for a matching event.
     *
     * @param timeout how long to wait
     * @param condition what to wait for
     * @return the first matching event
     * @throws AssertionError listing the captured events if none matches in time
     */
    public LogLine await(Duration timeout, Predicate<? super LogLine> condition) {
        Objects.requireNonNull(condition, "condition");
        List<LogLine> last = Eventually.until(timeout, this::lines, all -> all.stream().anyMatch(condition),
                "a log line of '" + logger.getName() + "' (level " + logger.getEffectiveLevel() + " and above) to match");
        return last.stream().filter(condition).findFirst().orElseThrow();
    }

    /** Forgets the events captured so far. */
    public void clear() {
        lock.lock();
        try {
            lines.clear();
            dropped = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Detaches from the logger and restores its level; idempotent. */
    @Override
    public void close() {
        if (appender.isStarted()) {
            logger.detachAppender(appender);
            appender.stop();
            logger.setLevel(previousLevel);
        }
    }

    private void add(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        Map<String, String> mdc = event.getMDCPropertyMap();
        LogLine line = new LogLine(Instant.ofEpochMilli(event.getTimeStamp()),
                Level.valueOf(event.getLevel().toString()), event.getLoggerName(), event.getThreadName(),
                event.getFormattedMessage(), mdc == null || mdc.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(mdc)),
                thrown == null ? null : thrown.getClassName() + ": " + thrown.getMessage(), keyValues(event));
        lock.lock();
        try {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
                dropped++;
            }
            lines.addLast(line);
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Object> keyValues(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (KeyValuePair pair : pairs) {
            values.put(pair.key, pair.value);
        }
        return Collections.unmodifiableMap(values);
    }

    /** Feeds events into the capture on the logging thread; unsynchronized since {@link #add} locks (no pinning). */
    private final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            add(event);
        }
    }
}
