package dev.aurora.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link CharSequence} must match {@link #value()} as a whole ({@link
 * java.util.regex.Matcher#matches()}, not a search). The regex is compiled once, when the {@link
 * Schema} is built. {@code null} passes. Code {@code pattern}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Pattern {
    /** {@return a {@link java.util.regex.Pattern} regular expression} */
    String value();
}
