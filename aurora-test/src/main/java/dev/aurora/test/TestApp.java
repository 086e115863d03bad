package dev.aurora.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application under test, for {@link AuroraTest}: a field of type {@link dev.aurora.Aurora},
 * or a method without parameters returning one. Exactly one per test class (the innermost
 * {@code @Nested} class that has one wins over its enclosing classes).
 *
 * <p>Its scope decides how long the application lives:
 * <ul>
 *   <li>{@code static}: one application for the whole class, shared by its tests (also when they
 *       run in parallel);</li>
 *   <li>instance member: one per test instance, so one per test method under JUnit's default
 *       lifecycle, and one per class under {@code @TestInstance(PER_CLASS)}.</li>
 * </ul>
 * A method is called once per scope. An application the extension started (server mode) is
 * stopped when its scope ends; one built by a {@code @TestApp} method is also closed then.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface TestApp {
}
