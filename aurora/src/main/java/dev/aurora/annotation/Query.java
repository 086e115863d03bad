package dev.aurora.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a query parameter, converted to the parameter's type; missing and without default: 400. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Query {
    /** {@return the query parameter name} */
    String value();

    /** Marks {@link #defaultValue()} as unset: the parameter is then required. */
    String REQUIRED = "\u0000";

    /** {@return the value used when the parameter is absent; unset means the parameter is required} */
    String defaultValue() default REQUIRED;
}
