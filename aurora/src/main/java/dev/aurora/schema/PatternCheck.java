package dev.aurora.schema;

/**
 * {@link Pattern}: a whole-value match. The only check that allocates (a {@code Matcher} per
 * value), which {@code java.util.regex} does not let us avoid.
 */
record PatternCheck(java.util.regex.Pattern regex, String message) implements Check {
    PatternCheck(java.util.regex.Pattern regex) {
        this(regex, "must match " + regex.pattern());
    }

    @Override
    public boolean test(Object value) {
        return value == null || regex.matcher((CharSequence) value).matches();
    }

    @Override
    public String code() {
        return "pattern";
    }
}
