package dev.aurora.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Routes {@code GET} requests for the pattern (appended to the class's {@link Prefix}) to this method. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Get {
    /** {@return the route pattern, e.g. {@code "/:id"}; empty for the prefix itself} */
    String value() default "";
}
