package dev.aurora.schema;

import dev.aurora.internal.mem.ObjectPool;
import java.util.regex.Matcher;

/**
 * {@link Pattern}: a whole-value match. {@code java.util.regex} needs a {@code Matcher} per match,
 * so matchers are pooled per pattern and reset onto each value: a valid value then costs no
 * garbage, like every other check. A released matcher is reset onto the empty string so the pool
 * keeps no caller's value reachable.
 */
final class PatternCheck implements Check {
    /** Enough for every carrier thread to hold a few; past it, a matcher is made and dropped. */
    private static final int RETAINED = 4 * Runtime.getRuntime().availableProcessors();

    private final String message;
    private final ObjectPool<Matcher> matchers;

    PatternCheck(java.util.regex.Pattern regex) {
        this.message = "must match " + regex.pattern();
        this.matchers = new ObjectPool<>(() -> regex.matcher(""), matcher -> matcher.reset(""), RETAINED);
    }

    @Override
    public boolean test(Object value) {
        if (value == null) {
            return true;
        }
        Matcher matcher = matchers.acquire();
        try {
            return matcher.reset((CharSequence) value).matches();
        } finally {
            matchers.release(matcher);
        }
    }

    @Override
    public String code() {
        return "pattern";
    }

    @Override
    public String message() {
        return message;
    }
}
