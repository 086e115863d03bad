package dev.aurora.benchmarks;

import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.mem.PooledBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link BufferPool} acquire and release, and what it replaces ({@code new byte[n]}). One pool
 * is shared by all benchmark threads; run with {@code -t 1}, {@code -t 2}, {@code -t 8} to see whether
 * threads serialize on a lock.
 *
 * <ul>
 *   <li>{@link #cycle}: acquire + write one byte + release, average ns per cycle.</li>
 *   <li>{@link #newArray}: {@code new byte[size]} + write one byte, the unpooled alternative (the JVM
 *       zeroes the array; the garbage collector reclaims it; add {@code -prof gc} to see the bytes).</li>
 *   <li>{@link #acquire} and {@link #release}: one call each, sampled ({@code Mode.SampleTime}) for
 *       percentiles. The matching release or acquire runs in an invocation-level fixture, outside the
 *       timed region. Each sample is two {@code System.nanoTime()} reads around one call, so the
 *       figures are quantized to the timer's resolution (JMH prints it) and include part of its
 *       cost.</li>
 *   <li>{@link #million}: 1,000,000 cycles per invocation, single shot: every iteration should take
 *       the same time (no growth, no leak, no slowdown as the counters grow).</li>
 * </ul>
 *
 * <p>{@code stripes}: 0 = the default for this machine ({@code 2 x cores} rounded up to a power of
 * two), 1 = one lock for everyone, the baseline that shows what striping buys under contention.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class BufferPoolBenchmark {
    private static final int[] CLASSES = {1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10};

    /** Bytes asked for: 16 KiB is a connection's write buffer. */
    @Param({"16384"})
    int size;

    @Param({"0"})
    int stripes;

    BufferPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        pool = stripes == 0 ? new BufferPool() : new BufferPool(CLASSES, 256, stripes);
    }

    @TearDown(Level.Trial)
    public void check() {
        BufferPool.Stats stats = pool.stats();
        if (stats.outstanding() != 0 || stats.doubleReleases() != 0 || stats.foreignReleases() != 0) {
            throw new IllegalStateException("pool not balanced: " + stats);
        }
        System.out.println("\n" + stats);
    }

    /** A buffer this thread holds between the fixture and the timed call (or the reverse). */
    @State(Scope.Thread)
    public static class Held {
        PooledBuffer buffer;
    }

    /** For {@link #acquire}: releases, untimed, what the timed call acquired. */
    @State(Scope.Thread)
    public static class ReleaseAfter extends Held {
        @TearDown(Level.Invocation)
        public void release() {
            buffer.release();
        }
    }

    /** For {@link #release}: acquires, untimed, what the timed call releases. */
    @State(Scope.Thread)
    public static class AcquireBefore extends Held {
        @Setup(Level.Invocation)
        public void acquire(BufferPoolBenchmark b) {
            buffer = b.pool.acquire(b.size);
        }
    }

    @Benchmark
    public int cycle() {
        PooledBuffer b = pool.acquire(size);
        byte[] a = b.array();
        a[0] = 1;
        int n = a.length;
        b.release();
        return n;
    }

    @Benchmark
    public byte[] newArray() {
        byte[] a = new byte[size];
        a[0] = 1;
        return a;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public PooledBuffer acquire(ReleaseAfter held) {
        PooledBuffer b = pool.acquire(size);
        held.buffer = b;
        return b;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void release(AcquireBefore held) {
        held.buffer.release();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(1_000_000)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public long million() {
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            PooledBuffer b = pool.acquire(size);
            b.array()[i & 1023] = 1;
            sum += b.capacity();
            b.release();
        }
        return sum;
    }
}
