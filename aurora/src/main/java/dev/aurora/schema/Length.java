package dev.aurora.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length of a {@link CharSequence} (in {@code char}s), the size of a {@link
 * java.util.Collection} or {@link java.util.Map}, or the length of an array must lie between
 * {@link #min()} and {@link #max()}, both inclusive. {@code null} passes (combine with {@link
 * Required}). Code {@code length}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Length {
    /** {@return the smallest allowed length, at least 0} */
    int min() default 0;

    /** {@return the largest allowed length} */
    int max() default Integer.MAX_VALUE;
}
