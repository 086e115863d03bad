package dev.aurora.schema;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/** {@link Length}: text length, collection or map size, array length. */
final class LengthCheck implements Check {
    private final int min;
    private final int max;
    private final String message;

    LengthCheck(int min, int max) {
        this.min = min;
        this.max = max;
        this.message = Bounds.message("length must be ", min, max, 0, Integer.MAX_VALUE);
    }

    @Override
    public boolean test(Object value) {
        if (value == null) {
            return true;
        }
        int n;
        if (value instanceof CharSequence cs) {
            n = cs.length();
        } else if (value instanceof Collection<?> c) {
            n = c.size();
        } else if (value instanceof Map<?, ?> m) {
            n = m.size();
        } else if (value.getClass().isArray()) {
            n = Array.getLength(value);
        } else {
            return false;
        }
        return n >= min && n <= max;
    }

    @Override
    public String code() {
        return "length";
    }

    @Override
    public String message() {
        return message;
    }
}
