package dev.aurora.internal.observe;

import dev.aurora.Handler;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.observe.RequestObserver;
import dev.aurora.internal.observe.ServerCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;

/**
 * Aurora's meters on Micrometer registries. This package is the only place that names a
 * Micrometer type, and it is reached only from {@code app.metrics(...)} and
 * {@code app.prometheus(...)}: an application that calls neither never loads it, so Micrometer
 * is an optional dependency.
 *
 * <p>Every meter except the request timer reads a {@link ServerCounters} value when the registry
 * is scraped ({@link FunctionCounter}, {@link Gauge}): nothing on the request path. The timer is
 * {@link RequestTimers}. Function counters hold the counters weakly, as Micrometer's do; the
 * application holds them for its whole life. Built on the application's thread before start.
 */
public final class MicrometerMetrics implements AutoCloseable {
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final List<MeterRegistry> registries = new ArrayList<>();
    private PrometheusMeterRegistry prometheus;
    /** Made when the application asks for its registry, or when it bound several: every registry is in it. */
    private CompositeMeterRegistry composite;
    /** Binders holding JVM listeners (GC notifications), closed when the application stops. */
    private final List<AutoCloseable> closeables = new ArrayList<>();
    /** Guards registration, binding and closing (start and stop, never a request). */
    private final ReentrantLock lock = new ReentrantLock();

    /** Adds a registry to bind the meters to. */
    public void add(MeterRegistry registry) {
        lock.lock();
        try {
            registries.add(registry);
            if (composite != null) {
                composite.add(registry);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A handler answering the Prometheus text exposition of a registry added for it. */
    public Handler prometheusScrape() {
        lock.lock();
        try {
            if (prometheus == null) {
                prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                add(prometheus);
            }
            PrometheusMeterRegistry registry = prometheus;
            return ctx -> ctx.contentType(TEXT_FORMAT).send(registry.scrape());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The registry the application registers its own meters on: one that forwards to every
     * registry added, now and later.
     */
    public MeterRegistry registry() {
        lock.lock();
        try {
            if (composite == null) {
                composite = new CompositeMeterRegistry();
                registries.forEach(composite::add);
            }
            return composite;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers the counter-backed meters on every registry, and the JVM's and the process's if asked.
     *
     * @return the observer that times requests
     */
    public RequestObserver bind(ServerCounters counters, boolean jvmMeters) {
        lock.lock();
        try {
            MeterRegistry target = composite == null && registries.size() == 1 ? registries.get(0) : registry();
            if (jvmMeters) {
                bindJvmMeters(target);
            }
            counter(target, "aurora.connections.accepted", "Connections admitted", counters, ServerCounters::connectionsAccepted);
            counter(target, "aurora.connections.rejected", "Connections refused because maxConnections were open",
                    counters, ServerCounters::connectionsRejected);
            counter(target, "aurora.connections.timed.out", "Connections ended by a head, body read or write timeout",
                    counters, ServerCounters::connectionsTimedOut);
            counter(target, "aurora.requests.rejected", "Requests refused because maxConcurrentRequests handlers ran",
                    counters, ServerCounters::requestsRejected);
            gauge(target, "aurora.connections.active", "Connections open now", counters, ServerCounters::activeConnections);
            gauge(target, "aurora.requests.active", "Requests being served now", counters, ServerCounters::activeRequests);
            counter(target, "aurora.requests", "Requests served", counters, ServerCounters::requests);
            FunctionCounter.builder("aurora.received", counters, c -> c.bytesRead())
                    .description("Bytes received from clients").baseUnit("bytes").register(target);
            FunctionCounter.builder("aurora.sent", counters, c -> c.bytesWritten())
                    .description("Bytes sent to clients").baseUnit("bytes").register(target);
            for (int status : ServerCounters.parseStatuses()) {
                FunctionCounter.builder("aurora.parse.errors", counters, c -> c.parseErrors(status))
                        .description("Requests refused as malformed, too large or too slow, by status")
                        .tag("status", Integer.toString(status)).register(target);
            }
            bufferMeters(target, counters);
            return new RequestTimers(target);
        } finally {
            lock.unlock();
        }
    }

    private static void bufferMeters(MeterRegistry target, ServerCounters counters) {
        String acquired = "aurora.buffers.acquired";
        String description = "Buffer acquires by how they were served";
        bufferCounter(target, acquired, description, "hit", counters, BufferPool.Stats::hits);
        bufferCounter(target, acquired, description, "miss", counters, BufferPool.Stats::misses);
        bufferCounter(target, acquired, description, "fallback", counters, BufferPool.Stats::fallbacks);
        bufferCounter(target, acquired, description, "oversize", counters, BufferPool.Stats::oversize);
        gauge(target, "aurora.buffers.outstanding", "Buffers leased now", counters, c -> c.bufferStats().outstanding());
        gauge(target, "aurora.buffers.retained", "Free pooled buffers held now", counters, c -> c.bufferStats().retained());
    }

    private static void bufferCounter(MeterRegistry target, String name, String description, String result,
            ServerCounters counters, ToDoubleFunction<BufferPool.Stats> value) {
        FunctionCounter.builder(name, counters, c -> value.applyAsDouble(c.bufferStats()))
                .description(description).tag("result", result).register(target);
    }

    private static void counter(MeterRegistry target, String name, String description, ServerCounters counters,
            ToDoubleFunction<ServerCounters> value) {
        FunctionCounter.builder(name, counters, value).description(description).register(target);
    }

    private static void gauge(MeterRegistry target, String name, String description, ServerCounters counters,
            ToDoubleFunction<ServerCounters> value) {
        Gauge.builder(name, counters, value).description(description).strongReference(true).register(target);
    }

    /** The JVM's and the process's meters, as Micrometer names them ({@code jvm.*}, {@code process.*}, {@code system.*}). */
    private void bindJvmMeters(MeterRegistry target) {
        List<MeterBinder> binders = List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmGcMetrics(),
                new JvmHeapPressureMetrics(), new JvmThreadMetrics(), new JvmCompilationMetrics(), new JvmInfoMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics());
        for (MeterBinder binder : binders) {
            binder.bindTo(target);
            if (binder instanceof AutoCloseable closeable) {
                closeables.add(closeable);
            }
        }
    }

    /** Stops the binders that listen to the JVM (GC notifications); the meters stay registered. */
    @Override
    public void close() {
        lock.lock();
        try {
            for (AutoCloseable closeable : closeables) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Stopping must go on; a binder that cannot unregister its listener is only a small leak.
                }
            }
            closeables.clear();
        } finally {
            lock.unlock();
        }
    }
}
