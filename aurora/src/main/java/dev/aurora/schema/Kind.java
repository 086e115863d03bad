package dev.aurora.schema;

import java.util.Collection;
import java.util.Map;

/**
 * How the walker treats an instance of a runtime class, decided once per class and cached, so the
 * walk does not redo type tests for every value. Runs on any thread.
 */
enum Kind {
    /** Nothing inside to check: JDK values, enums, primitive arrays, objects whose plan checks nothing. */
    LEAF,
    /** Elements, addressed by iteration index. */
    COLLECTION,
    /** Values, addressed by key. */
    MAP,
    /** Elements of an object array, addressed by index. */
    ARRAY,
    /** An object whose {@link Plan} checks something. */
    OBJECT;

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            if (Collection.class.isAssignableFrom(type)) {
                return COLLECTION;
            }
            if (Map.class.isAssignableFrom(type)) {
                return MAP;
            }
            if (Types.leaf(type)) {
                return LEAF;
            }
            if (type.isArray()) {
                return ARRAY;
            }
            return Plan.of(type).checksSomething() ? OBJECT : LEAF;
        }
    };

    static Kind of(Class<?> type) {
        return KINDS.get(type);
    }
}
