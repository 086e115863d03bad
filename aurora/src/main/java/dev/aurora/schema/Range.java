package dev.aurora.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number must lie between {@link #min()} and {@link #max()}, both inclusive; {@code NaN} never
 * does. Allowed on {@code byte}, {@code short}, {@code int}, {@code long}, {@code float},
 * {@code double}, their boxes, {@link java.math.BigInteger} and {@link java.math.BigDecimal}.
 * {@code null} passes (combine with {@link Required}). Code {@code range}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Range {
    /** {@return the smallest allowed value} */
    long min() default Long.MIN_VALUE;

    /** {@return the largest allowed value} */
    long max() default Long.MAX_VALUE;
}
