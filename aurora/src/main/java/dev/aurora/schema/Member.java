package dev.aurora.schema;

import java.lang.invoke.MethodHandle;

/**
 * One record component or field with its prebuilt getter and checks. Primitive members read
 * through a getter typed {@code (Object)long} or {@code (Object)double}, so no value is boxed.
 * Runs on any thread; immutable.
 */
abstract sealed class Member {
    final String name;
    /** {@code "/" + name} with RFC 6901 escaping, computed once. */
    final String segment;

    Member(String name) {
        this.name = name;
        this.segment = JsonPointer.escape(name);
    }

    /**
     * Checks this member of {@code owner}. With a null walker (the fast pass) it stops at the first
     * failure and returns false; otherwise it reports every violation to the walker.
     */
    abstract boolean check(Object owner, Walker walker, int depth);

    /** A primitive's range result: reported to the walker (if any) when it failed. */
    final boolean rangeOutcome(boolean passed, RangeCheck range, Walker walker) {
        if (!passed && walker != null) {
            walker.report(segment, range.code(), range.message());
        }
        return passed;
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** An integral primitive with a {@link Range}. */
    static final class LongMember extends Member {
        private final MethodHandle getter; // (Object)long
        private final RangeCheck range;

        LongMember(String name, MethodHandle getter, RangeCheck range) {
            super(name);
            this.getter = getter;
            this.range = range;
        }

        @Override
        boolean check(Object owner, Walker walker, int depth) {
            long v;
            try {
                v = (long) getter.invokeExact(owner);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            return rangeOutcome(range.test(v), range, walker);
        }
    }

    /** A floating-point primitive with a {@link Range}. */
    static final class DoubleMember extends Member {
        private final MethodHandle getter; // (Object)double
        private final RangeCheck range;

        DoubleMember(String name, MethodHandle getter, RangeCheck range) {
            super(name);
            this.getter = getter;
            this.range = range;
        }

        @Override
        boolean check(Object owner, Walker walker, int depth) {
            double v;
            try {
                v = (double) getter.invokeExact(owner);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            return rangeOutcome(range.test(v), range, walker);
        }
    }

    /** A reference-typed member: its checks, then (if it may hold constrained objects) its contents. */
    static final class RefMember extends Member {
        private final MethodHandle getter; // (Object)Object
        private final Check[] checks;
        /** Constraints on its type arguments ({@code List<@Length(max = 20) String>}), or null. */
        private final ElementChecks elements;
        private final boolean descend;

        RefMember(String name, MethodHandle getter, Check[] checks, ElementChecks elements, boolean descend) {
            super(name);
            this.getter = getter;
            this.checks = checks;
            this.elements = elements;
            this.descend = descend;
        }

        @Override
        boolean check(Object owner, Walker walker, int depth) {
            Object v;
            try {
                v = (Object) getter.invokeExact(owner);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            boolean ok = Check.all(checks, v, segment, walker);
            if (!ok && walker == null) {
                return false;
            }
            if (elements != null && v != null) {
                if (walker == null) {
                    if (!elements.check(v, null)) {
                        return false;
                    }
                } else {
                    walker.push(segment);
                    ok &= elements.check(v, walker);
                    walker.pop();
                }
            }
            if (descend && v != null) {
                if (walker == null) {
                    return Walker.value(v, null, depth + 1);
                }
                walker.push(segment);
                ok &= Walker.value(v, walker, depth + 1);
                walker.pop();
            }
            return ok;
        }
    }
}
