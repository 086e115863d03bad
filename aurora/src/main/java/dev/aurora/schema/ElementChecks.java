package dev.aurora.schema;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constraints on what a member contains, written on its type arguments: {@code List<@Length(max =
 * 20) String>} checks each element, {@code Map<String, @Range(min = 0) Integer>} each value,
 * {@code Optional<@Email String>} the value if present, nested as deep as the type goes ({@code
 * List<List<@Required String>>}). Not array elements (see {@link #of}). Built once per member from its annotated type; immutable, any
 * thread.
 */
final class ElementChecks {
    /** How the contents are reached from the container. */
    private enum Shape { COLLECTION, MAP_VALUES, OPTIONAL }

    private final Shape shape;
    private final Check[] checks;
    /** Constraints one level further in, or null. */
    private final ElementChecks inner;

    private ElementChecks(Shape shape, Check[] checks, ElementChecks inner) {
        this.shape = shape;
        this.checks = checks;
        this.inner = inner;
    }

    /**
     * The constraints inside {@code type}, or null when its type arguments carry none.
     *
     * @throws IllegalArgumentException for a constraint on a type argument this cannot check (a
     *     map's key, an argument of a type other than a collection, map or Optional) or one that
     *     does not apply to the argument's type, naming the member
     */
    static ElementChecks of(String where, AnnotatedType type) {
        // Arrays are left out: in `@Length String[] names` Java puts the annotation's type-use twin
        // on String, so an element constraint could not be told from the member's own.
        if (!(type instanceof AnnotatedParameterizedType p)) {
            return null;
        }
        AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
        Class<?> raw = raw(p.getType());
        Shape shape;
        AnnotatedType content;
        if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
            shape = Shape.COLLECTION;
            content = args[0];
        } else if (Map.class.isAssignableFrom(raw) && args.length == 2) {
            if (annotated(args[0])) {
                throw new IllegalArgumentException("constraints on map keys are not checked (" + where + ")");
            }
            shape = Shape.MAP_VALUES;
            content = args[1];
        } else if (raw == Optional.class) {
            shape = Shape.OPTIONAL;
            content = args[0];
        } else {
            for (AnnotatedType a : args) {
                if (annotated(a)) {
                    throw new IllegalArgumentException("constraints are checked inside collections, maps and Optional only, not "
                            + raw.getSimpleName() + " (" + where + ")");
                }
            }
            return null;
        }
        if (content instanceof AnnotatedWildcardType w && w.getAnnotatedUpperBounds().length == 1) {
            content = w.getAnnotatedUpperBounds()[0];
        }
        String inside = where + (shape == Shape.MAP_VALUES ? " (map values)" : " (elements)");
        List<Check> own = Plan.checks(inside, raw(content.getType()), content);
        ElementChecks inner = of(inside, content);
        if (own.isEmpty() && inner == null) {
            return null;
        }
        return new ElementChecks(shape, own.toArray(Check[]::new), inner);
    }

    private static boolean annotated(AnnotatedType t) {
        if (t.getAnnotations().length > 0) {
            return true;
        }
        if (t instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType a : p.getAnnotatedActualTypeArguments()) {
                if (annotated(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> raw(Type t) {
        return switch (t) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case GenericArrayType g -> raw(g.getGenericComponentType()).arrayType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case TypeVariable<?> v -> raw(v.getBounds()[0]);
            default -> Object.class;
        };
    }

    /**
     * Checks the contents of {@code container} (not null). With a null walker it stops at the
     * first failure; otherwise it reports each one under the walker's current path.
     */
    boolean check(Object container, Walker walker) {
        return switch (shape) {
            case COLLECTION -> {
                boolean ok = true;
                int i = 0;
                for (Object e : (Collection<?>) container) {
                    String segment = walker == null ? "" : "/" + i; // the fast pass allocates no pointer
                    i++;
                    if (!element(e, segment, walker)) {
                        if (walker == null) {
                            yield false;
                        }
                        ok = false;
                    }
                }
                yield ok;
            }
            case MAP_VALUES -> {
                boolean ok = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) container).entrySet()) {
                    if (!element(e.getValue(), walker == null ? "" : JsonPointer.escape(String.valueOf(e.getKey())), walker)) {
                        if (walker == null) {
                            yield false;
                        }
                        ok = false;
                    }
                }
                yield ok;
            }
            case OPTIONAL -> {
                Optional<?> o = (Optional<?>) container;
                yield o.isEmpty() || element(o.get(), "", walker);
            }
        };
    }

    private boolean element(Object value, String segment, Walker walker) {
        boolean ok = Check.all(checks, value, segment, walker);
        if (!ok && walker == null) {
            return false;
        }
        if (inner != null && value != null) {
            if (walker == null) {
                return inner.check(value, null);
            }
            walker.push(segment);
            ok &= inner.check(value, walker);
            walker.pop();
        }
        return ok;
    }
}
