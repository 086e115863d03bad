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

    /**
     * Runs {@code checks} on one value. With a null walker (the fast pass) it stops at the first
     * failure; otherwise it reports each failure at {@code segment} under the walker's path.
     *
     * @return whether every check passed
     */
    static boolean all(Check[] checks, Object value, String segment, Walker walker) {
        boolean ok = true;
        for (Check c : checks) {
            if (!c.test(value)) {
                if (walker == null) {
                    return false;
                }
                String message = c instanceof RequiredCheck r ? r.messageFor(value) : c.message();
                walker.report(segment, c.code(), message);
                ok = false;
            }
        }
        return ok;
    }
}
