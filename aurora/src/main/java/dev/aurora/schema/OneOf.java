package dev.aurora.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link CharSequence} must equal one of {@link #value()} (case-sensitive). {@code null} passes.
 * Code {@code oneOf}. For a closed set known at compile time, an enum type does the same job.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface OneOf {
    /** {@return the allowed values, at least one} */
    String[] value();
}
