package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.error.TooManyRequestsException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Limits how often each client may call: a token bucket per client key, answered with {@code 429}
 * and {@code Retry-After} (whole seconds) when it is empty.
 *
 * <pre>{@code
 * app.use(RateLimit.builder().limit(100, Duration.ofMinutes(1)).burst(20).build());        // per IP
 * app.post("/login", login, RateLimit.builder().limit(5, Duration.ofMinutes(1))
 *         .key(ctx -> ctx.header("X-Api-Key")).build());                                     // per key
 * }</pre>
 *
 * <p>A client may make {@code burst} calls at once and then one every {@code period / limit}. The
 * bucket is kept as the generic cell rate algorithm keeps it: one timestamp per client (the time at
 * which its bucket would be full again), updated with a single compare-and-set, so checking a
 * request takes no lock and allocates nothing for the default key.
 *
 * <p>Memory is fixed: clients are hashed, with a seed chosen at start so that they cannot pick
 * each other's place, into {@code slots} timestamps (8 bytes each). Two clients that share a slot
 * share a budget; with the default 16,384 slots that needs thousands of concurrently active
 * clients to matter, and it can only make the limit stricter, never looser. Behind a proxy, the
 * default key (the peer's IP address) is the proxy's: use {@code ForwardedHeaders} or a key of
 * your own.
 */
public final class RateLimit implements Middleware {
    private final long intervalNanos;
    private final long toleranceNanos;
    private final Function<Context, String> key;
    private final AtomicLongArray fullAt;
    private final int mask;
    private final long seed = ThreadLocalRandom.current().nextLong();
    private final LongSupplier clock;
    private final long origin;

    private RateLimit(Builder b) {
        this.intervalNanos = Math.max(1, b.period.toNanos() / b.limit);
        this.toleranceNanos = Math.multiplyExact(intervalNanos, (long) b.burst);
        this.key = b.key;
        this.fullAt = new AtomicLongArray(b.slots);
        this.mask = b.slots - 1;
        this.clock = b.clock;
        this.origin = b.clock.getAsLong();
    }

    /** {@return a builder: 60 calls a minute per client IP address, bursts of up to 60} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        long retryNanos = take(ctx);
        if (retryNanos > 0) {
            long seconds = Math.max(1, (retryNanos + 999_999_999L) / 1_000_000_000L);
            throw new TooManyRequestsException("Too many requests; retry in " + seconds + " s")
                    .header("Retry-After", Long.toString(seconds));
        }
        next.handle(ctx);
    }

    /** @return 0 if the call may go ahead, else how long until it could */
    private long take(Context ctx) {
        int slot;
        if (key == null) {
            InetSocketAddress remote = ctx.remoteAddress();
            slot = slot(remote == null || remote.getAddress() == null ? 0 : remote.getAddress().hashCode());
        } else {
            String k = key.apply(ctx);
            if (k == null) {
                return 0;
            }
            slot = slot(k);
        }
        // Times are kept relative to the limiter's creation so that 0 means "never seen": full.
        long now = clock.getAsLong() - origin;
        while (true) {
            long previous = fullAt.get(slot);
            long next = Math.max(previous, now) + intervalNanos;
            long excess = next - now - toleranceNanos;
            if (excess > 0) {
                return excess;
            }
            if (fullAt.compareAndSet(slot, previous, next)) {
                return 0;
            }
        }
    }

    private int slot(long hash) {
        return (int) mix(hash ^ seed) & mask;
    }

    private int slot(String k) {
        long h = seed;
        for (int i = 0; i < k.length(); i++) {
            h = (h ^ k.charAt(i)) * 0x100000001b3L;
        }
        return (int) mix(h) & mask;
    }

    /** The 64-bit finalizer of MurmurHash3: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Collects a rate limit; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private int limit = 60;
        private Duration period = Duration.ofMinutes(1);
        private int burst = -1;
        private Function<Context, String> key;
        private int slots = 16_384;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /**
         * Sets the average rate each client may call at.
         *
         * @param calls calls allowed per period, on average
         * @param per the period
         * @return this builder
         */
        public Builder limit(int calls, Duration per) {
            if (calls < 1) {
                throw new IllegalArgumentException("calls must be at least 1: " + calls);
            }
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("the period must be positive: " + per);
            }
            this.limit = calls;
            this.period = per;
            return this;
        }

        /**
         * Sets how many calls a quiet client may make at once.
         *
         * @param calls calls a client that has been quiet may make at once (default: the limit)
         * @return this builder
         */
        public Builder burst(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("burst must be at least 1: " + calls);
            }
            this.burst = calls;
            return this;
        }

        /**
         * Sets what identifies a client.
         *
         * @param key what identifies a client (an API key, a user id); a null key is not limited.
         *     Default: the peer's IP address
         * @return this builder
         */
        public Builder key(Function<Context, String> key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets how many client buckets are kept; clients whose keys share a slot share a bucket.
         *
         * @param count how many client buckets to keep, a power of two from 16 to 16,777,216
         *     (8 bytes each)
         * @return this builder
         */
        public Builder slots(int count) {
            if (count < 16 || count > (1 << 24) || Integer.bitCount(count) != 1) {
                throw new IllegalArgumentException("slots must be a power of two from 16 to 16777216: " + count);
            }
            this.slots = count;
            return this;
        }

        /** For tests: a source of nanosecond timestamps in place of {@link System#nanoTime()}. */
        Builder clock(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** {@return the middleware} */
        public RateLimit build() {
            if (burst < 0) {
                burst = limit;
            }
            return new RateLimit(this);
        }
    }
}
