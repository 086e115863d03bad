package dev.aurora.schema;

/**
 * One constraint on one member's value, built once per plan. Implementations are immutable and
 * must not allocate in {@link #test(Object)} on the happy path, so valid values cost no garbage.
 * Runs on any thread.
 */
interface Check {
    /** Whether the value satisfies the constraint; {@code null} passes all but {@code required}. */
    boolean test(Object value);

    /** The violation code. */
    String code();

    /** The violation message, computed once. */
    String message();
}
