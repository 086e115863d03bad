package dev.aurora.benchmarks;

import dev.aurora.internal.observe.MicrometerMetrics;
import dev.aurora.internal.observe.RequestObserver;
import dev.aurora.internal.observe.ServerCounters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The costs that metrics add to a request, one at a time. This class sits in
 * {@code dev.aurora.internal.server} (in the benchmarks jar, on the class path) because the
 * counters' increments are package-private: the server's code calls them, nobody else.
 *
 * <ul>
 *   <li>{@link #increment}: one always-on counter increment ({@code LongAdder}).</li>
 *   <li>{@link #perRequestCounters}: what every request pays with no registry: started, completed,
 *       bytes read and written (four {@code LongAdder} updates).</li>
 *   <li>{@link #perRequestCountersContended}: the same from two threads on shared counters.</li>
 *   <li>{@link #timerRecord}: with a Prometheus registry bound, the cached timer lookup and one
 *       recording into its percentile histogram.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh MetricsBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class MetricsBenchmark {
    private final ServerCounters counters = new ServerCounters();
    private RequestObserver timers;

    @Setup
    public void setUp() {
        MicrometerMetrics metrics = new MicrometerMetrics();
        metrics.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        timers = metrics.bind(counters, false);
    }

    @Benchmark
    public void increment() {
        counters.connectionAccepted();
    }

    @Benchmark
    public void perRequestCounters() {
        counters.requestStarted();
        counters.requestCompleted(120, 160);
    }

    @Benchmark
    @Threads(2)
    public void perRequestCountersContended() {
        counters.requestStarted();
        counters.requestCompleted(120, 160);
    }

    @Benchmark
    public void timerRecord() {
        timers.observe("GET", "/users/:id", 200, 25_000);
    }
}
