package dev.aurora.benchmarks;

import dev.aurora.internal.mem.Arena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link Arena} bump allocation and reset, on one thread's arena (64 ints, 1 KiB, as a
 * request's scratch space might be sized).
 *
 * <ul>
 *   <li>{@link #allocateInts} / {@link #allocateBytes}: 16 allocations, then one reset, per
 *       invocation; reported per allocation (the reset adds 1/16 of its cost). The sizes come from
 *       fields, so the JIT cannot fold them.</li>
 *   <li>{@link #reset}: one reset.</li>
 *   <li>{@link #request}: a request's worth: 12 header slot pairs, 4 byte runs, one reset, per
 *       operation.</li>
 * </ul>
 * Add {@code -prof gc} to confirm 0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class ArenaBenchmark {
    private static final int ALLOCATIONS = 16;

    int intSlots = 2;
    int byteRun = 24;
    Arena arena;

    @Setup(Level.Trial)
    public void setUp() {
        arena = new Arena(64, 1024);
    }

    @Benchmark
    @OperationsPerInvocation(ALLOCATIONS)
    public int allocateInts() {
        Arena a = arena;
        int sum = 0;
        for (int i = 0; i < ALLOCATIONS; i++) {
            sum += a.allocateInts(intSlots);
        }
        a.reset();
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ALLOCATIONS)
    public int allocateBytes() {
        Arena a = arena;
        int sum = 0;
        for (int i = 0; i < ALLOCATIONS; i++) {
            sum += a.allocateBytes(byteRun);
        }
        a.reset();
        return sum;
    }

    @Benchmark
    public void reset() {
        arena.reset();
    }

    @Benchmark
    public int request() {
        Arena a = arena;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int at = a.allocateInts(intSlots);
            a.ints()[at] = i;
            sum += at;
        }
        for (int i = 0; i < 4; i++) {
            int at = a.allocateBytes(byteRun);
            a.bytes()[at] = (byte) i;
            sum += at;
        }
        a.reset();
        return sum;
    }
}
