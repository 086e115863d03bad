package dev.aurora.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value must not be {@code null}; a {@link CharSequence} must also not be blank (empty or only
 * whitespace) unless {@link #allowBlank()}. Code {@code required}. Allowed on any type; on a
 * primitive it always holds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Required {
    /** {@return whether an empty or whitespace-only {@link CharSequence} is accepted} */
    boolean allowBlank() default false;
}
