package dev.aurora.schema;

/**
 * A value with rules its annotations cannot state: one member against another, a rule over a whole
 * list, a lookup in a set of known values. A {@link Schema} calls {@link #validate} on every value of
 * a type that implements it, at any depth (the body itself, nested objects, list elements, map
 * values), and reports what it adds beside the annotations' violations, at JSON Pointers under the
 * value's own.
 *
 * <pre>{@code
 * public record Booking(@Required LocalDate from, @Required LocalDate to, @Range(min = 1, max = 8) int guests)
 *         implements Validatable {
 *     @Override
 *     public void validate(Violations violations) {
 *         if (!to.isAfter(from)) {
 *             violations.add("/to", "order", "must be after from");
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>It is called only when everything inside the value passed its annotations, so it may rely on
 * them ({@code from} and {@code to} above are not null). It may be called twice for one value (a
 * valid value is checked by a fast pass; only a failing one is walked again to report), so it must
 * not have side effects. An exception it throws is not a violation: it propagates (a {@code 500}).
 */
public interface Validatable {
    /**
     * Adds a violation for each rule this value breaks; adds nothing when it is valid.
     *
     * @param violations where to add them, relative to this value
     */
    void validate(Violations violations);
}
