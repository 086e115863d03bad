package dev.aurora.schema;

import java.util.Collection;
import java.util.Map;

/** Which types can hold constrained values, decided from the class alone. */
final class Types {
    private Types() {
    }

    /**
     * A runtime class whose instances are never walked: primitives' boxes and other JDK classes
     * that are not collections, maps or object arrays; enums (their type is their check); and
     * primitive arrays.
     */
    static boolean leaf(Class<?> c) {
        if (c.isArray()) {
            return c.getComponentType().isPrimitive();
        }
        if (Enum.class.isAssignableFrom(c)) {
            return true;
        }
        return jdk(c) && !Collection.class.isAssignableFrom(c) && !Map.class.isAssignableFrom(c);
    }

    /** A declared type whose values may need walking (decided again on the runtime class). */
    static boolean mayDescend(Class<?> declared) {
        if (declared.isPrimitive()) {
            return false;
        }
        if (declared.isArray()) {
            return mayDescend(declared.getComponentType());
        }
        if (declared == Object.class || Collection.class.isAssignableFrom(declared)
                || Map.class.isAssignableFrom(declared) || declared == Iterable.class) {
            return true;
        }
        return !leaf(declared);
    }

    /** JDK classes, and Jackson's (a bound body may hold {@code JsonNode} trees, which carry no constraints). */
    static boolean jdk(Class<?> c) {
        String n = c.getPackageName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.")
                || n.startsWith("sun.") || n.startsWith("com.sun.") || n.startsWith("com.fasterxml.jackson.");
    }

    static boolean number(Class<?> c) {
        return c == byte.class || c == short.class || c == int.class || c == long.class
                || c == float.class || c == double.class || c == Byte.class || c == Short.class
                || c == Integer.class || c == Long.class || c == Float.class || c == Double.class
                || c == java.math.BigInteger.class || c == java.math.BigDecimal.class;
    }

    static boolean sized(Class<?> c) {
        return CharSequence.class.isAssignableFrom(c) || Collection.class.isAssignableFrom(c)
                || Map.class.isAssignableFrom(c) || c.isArray();
    }
}
