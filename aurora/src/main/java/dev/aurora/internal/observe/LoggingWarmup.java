package dev.aurora.internal.observe;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Initializes the SLF4J provider (the service lookup and the backend's configuration, 30 ms for
 * slf4j-nop and hundreds for Logback from XML) on a background daemon thread, once per JVM, as
 * soon as an application is created. It then overlaps route registration and {@code start()}
 * instead of sitting between {@code start()} and the first response. A thread that logs before it
 * has finished waits for it inside SLF4J, as it would have initialized it itself.
 *
 * <p>{@code -Daurora.logging.backgroundInit=false} turns it off (for a program that sets logging
 * system properties after creating its application).
 */
public final class LoggingWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private LoggingWarmup() {
    }

    /** Starts the initialization unless it has started already or is turned off. */
    public static void start() {
        if (STARTED.get() || "false".equals(System.getProperty("aurora.logging.backgroundInit"))
                || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("aurora-logging-init").start(LoggerFactory::getILoggerFactory);
    }
}
