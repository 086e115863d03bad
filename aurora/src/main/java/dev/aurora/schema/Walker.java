package dev.aurora.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Walks a value and its contents against their plans.
 *
 * <p>Validation runs in two passes so that valid values cost nothing: a fast pass with no walker
 * (all static methods get {@code walker == null}) that allocates nothing and stops at the first
 * failure, and, only when that fails, a reporting pass with a walker that keeps the current JSON
 * Pointer and collects every violation.
 *
 * <p>Cycles: the reporting pass keeps the objects on the current path (by identity) and does not
 * enter one that is already there, so {@code a.next = a} is checked once. The fast pass keeps no
 * such list; it gives up beyond {@value #FAST_DEPTH} levels and leaves the rest to the reporting
 * pass. Runs on the caller's thread; a walker is used by one call only.
 */
final class Walker {
    static final int FAST_DEPTH = 64;

    private final List<String> path = new ArrayList<>();
    private final List<Object> onPath = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();

    /** Every violation in {@code root}, or an empty list. */
    static List<Violation> violations(Object root) {
        if (value(root, null, 0)) {
            return List.of();
        }
        Walker w = new Walker();
        value(root, w, 0);
        return List.copyOf(w.violations);
    }

    void report(String segment, String code, String message) {
        StringBuilder b = new StringBuilder();
        for (String s : path) {
            b.append(s);
        }
        violations.add(new Violation(b.append(segment).toString(), code, message));
    }

    void push(String segment) {
        path.add(segment);
    }

    void pop() {
        path.removeLast();
    }

    /** Validates whatever {@code v} is at runtime: a container, a leaf, or an object with a plan. */
    static boolean value(Object v, Walker w, int depth) {
        if (v == null) {
            return true;
        }
        Kind kind = Kind.of(v.getClass());
        if (kind == Kind.LEAF) {
            return true;
        }
        if (w == null && depth > FAST_DEPTH) {
            return false; // possibly a cycle: let the reporting pass decide
        }
        if (w != null) {
            for (Object o : w.onPath) {
                if (o == v) {
                    return true;
                }
            }
            w.onPath.add(v);
        }
        try {
            return switch (kind) {
                case COLLECTION -> elements((Collection<?>) v, w, depth);
                case MAP -> values((Map<?, ?>) v, w, depth);
                case ARRAY -> array((Object[]) v, w, depth);
                case OBJECT -> object(v, w, depth);
                case LEAF -> true;
            };
        } finally {
            if (w != null) {
                w.onPath.removeLast();
            }
        }
    }

    private static boolean object(Object v, Walker w, int depth) {
        Plan plan = Plan.of(v.getClass());
        boolean ok = true;
        for (Member m : plan.members()) {
            if (!m.check(v, w, depth)) {
                if (w == null) {
                    return false;
                }
                ok = false;
            }
        }
        if (ok && plan.validatable()) {
            // Only once its contents hold, so its own rules may rely on the annotations.
            Violations own = new Violations(w);
            ((Validatable) v).validate(own);
            ok = !own.any();
        }
        return ok;
    }

    private static boolean elements(Collection<?> c, Walker w, int depth) {
        boolean ok = true;
        int i = 0;
        for (Object e : c) { // a Set's index is its iteration order
            if (w != null) {
                w.push("/" + i);
            }
            boolean good = value(e, w, depth + 1);
            if (w != null) {
                w.pop();
            } else if (!good) {
                return false;
            }
            ok &= good;
            i++;
        }
        return ok;
    }

    private static boolean array(Object[] a, Walker w, int depth) {
        boolean ok = true;
        for (int i = 0; i < a.length; i++) {
            if (w != null) {
                w.push("/" + i);
            }
            boolean good = value(a[i], w, depth + 1);
            if (w != null) {
                w.pop();
            } else if (!good) {
                return false;
            }
            ok &= good;
        }
        return ok;
    }

    private static boolean values(Map<?, ?> m, Walker w, int depth) {
        boolean ok = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (w != null) {
                w.push(JsonPointer.escape(String.valueOf(e.getKey())));
            }
            boolean good = value(e.getValue(), w, depth + 1);
            if (w != null) {
                w.pop();
            } else if (!good) {
                return false;
            }
            ok &= good;
        }
        return ok;
    }
}
