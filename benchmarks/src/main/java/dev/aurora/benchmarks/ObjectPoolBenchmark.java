package dev.aurora.benchmarks;

import dev.aurora.internal.mem.ObjectPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@link ObjectPool} acquire + release (with a one-field reset), against making the
 * object with {@code new}. One pool shared by all benchmark threads; run with {@code -t 1} and
 * {@code -t 2}. Add {@code -prof gc} for bytes per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class ObjectPoolBenchmark {

    /**
     * A stand-in for a per-connection object: a little state that a reset clears. The state is kept
     * in the array, not in a field, so that two threads' objects, which a GC may copy next to each
     * other, do not share the cache line they write (that would measure the objects, not the pool).
     */
    public static final class Scratch {
        final int[] slots = new int[64];
    }

    ObjectPool<Scratch> pool;

    @Setup(Level.Trial)
    public void setUp() {
        pool = new ObjectPool<>(Scratch::new, s -> s.slots[0] = 0, 256);
    }

    @TearDown(Level.Trial)
    public void check() {
        ObjectPool.Stats stats = pool.stats();
        if (stats.outstanding() != 0) {
            throw new IllegalStateException("pool not balanced: " + stats);
        }
        System.out.println("\n" + stats);
    }

    @Benchmark
    public int cycle() {
        Scratch s = pool.acquire();
        int n = ++s.slots[0];
        pool.release(s);
        return n;
    }

    @Benchmark
    public Scratch newObject() {
        Scratch s = new Scratch();
        s.slots[0]++;
        return s;
    }
}
