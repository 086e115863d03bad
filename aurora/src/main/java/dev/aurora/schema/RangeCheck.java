package dev.aurora.schema;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@link Range} for boxed and big numbers; primitive members call {@link #test(long)} and {@link
 * #test(double)} directly so they are never boxed.
 */
final class RangeCheck implements Check {
    private final long min;
    private final long max;
    // Precomputed so comparing a big number allocates nothing.
    private final BigInteger bigMin;
    private final BigInteger bigMax;
    private final BigDecimal decMin;
    private final BigDecimal decMax;
    private final String message;

    RangeCheck(long min, long max) {
        this.min = min;
        this.max = max;
        this.bigMin = BigInteger.valueOf(min);
        this.bigMax = BigInteger.valueOf(max);
        this.decMin = BigDecimal.valueOf(min);
        this.decMax = BigDecimal.valueOf(max);
        this.message = Bounds.message("must be ", min, max, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    boolean test(long value) {
        return value >= min && value <= max;
    }

    boolean test(double value) {
        // NaN fails both comparisons, so it is out of every range.
        return value >= min && value <= max;
    }

    @Override
    public boolean test(Object value) {
        return switch (value) {
            case null -> true;
            case Long l -> test(l.longValue());
            case Integer i -> test(i.longValue());
            case Short s -> test(s.longValue());
            case Byte b -> test(b.longValue());
            case Double d -> test(d.doubleValue());
            case Float f -> test(f.doubleValue());
            case BigInteger b -> b.compareTo(bigMin) >= 0 && b.compareTo(bigMax) <= 0;
            case BigDecimal b -> b.compareTo(decMin) >= 0 && b.compareTo(decMax) <= 0;
            default -> false;
        };
    }

    @Override
    public String code() {
        return "range";
    }

    @Override
    public String message() {
        return message;
    }
}
