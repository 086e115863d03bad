package dev.aurora.schema;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates values of one type against the constraint annotations on its record components or
 * fields, and recursively those of nested objects, of collection, set and array elements, and of
 * map values.
 *
 * <pre>{@code
 * record Item(@Required @Length(max = 40) String name, @Range(min = 1, max = 10) int qty) {}
 * record Order(@Email String email, @Length(min = 1) List<Item> items) {}
 *
 * Schema.of(Order.class).validate(order); // throws ValidationException, e.g. /items/3/name
 * }</pre>
 *
 * <p>{@link #of(Class)} does all reflection once per type and caches the result; validating only
 * invokes prebuilt method handles. Once the JIT has compiled it, checking a valid object allocates
 * nothing, except one {@code Matcher} per {@link Pattern} value and whatever iterating its
 * collections costs. Instances are immutable and safe to share between threads.
 *
 * <p>What is walked is decided by each value's runtime class: objects of non-JDK classes with
 * constrained members, collection and object-array elements, and map values (addressed by the
 * key's {@code toString()}). A member is only looked into if its declared type can hold such
 * values: {@code Object}, a collection, map or object array, a type variable, or a non-JDK type;
 * a member declared as, say, {@code Serializable} is not.
 *
 * <p>Types in another module must open their package to {@code dev.aurora} (or have public
 * accessors in an exported package). Cycles in the object graph are safe: an object already on
 * the path from the root is not validated again.
 *
 * @param <T> the validated type
 */
public final class Schema<T> {
    private static final ClassValue<Schema<?>> SCHEMAS = new ClassValue<>() {
        @Override
        protected Schema<?> computeValue(Class<?> type) {
            planReachable(type); // throws before anything is cached if an annotation is misused
            return new Schema<>(type);
        }
    };

    private final Class<T> type;

    private Schema(Class<T> type) {
        this.type = type;
    }

    /**
     * The schema of {@code type}, built on first use and cached. Building checks every annotation
     * on {@code type} and on the types its members declare (including type arguments such as the
     * {@code Item} in {@code List<Item>}), so misuse surfaces here rather than mid-request.
     *
     * @param type a record or class
     * @param <T> the type
     * @return the schema, the same instance on every call
     * @throws IllegalArgumentException if an annotation cannot apply to its member (e.g. {@code
     *     @Range} on a {@code String}, {@code min > max}, a bad regex), naming type and member, or
     *     if a member cannot be read
     */
    @SuppressWarnings("unchecked")
    public static <T> Schema<T> of(Class<T> type) {
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("cannot validate a primitive type: " + type);
        }
        return (Schema<T>) SCHEMAS.get(type);
    }

    /** {@return the validated type} */
    public Class<T> type() {
        return type;
    }

    /**
     * Every violation in {@code value}, in member declaration order, depth first.
     *
     * @param value the value to check; {@code null} gives one {@code required} violation at {@code ""}
     * @return the violations, empty (and not allocated) when the value is valid; unmodifiable
     */
    public List<Violation> violations(T value) {
        if (value == null) {
            return List.of(new Violation("", "required", "must not be null"));
        }
        return Walker.violations(value);
    }

    /**
     * Checks {@code value}.
     *
     * @param value the value to check
     * @return {@code value}, for chaining
     * @throws ValidationException listing every violation, if there is any
     */
    public T validate(T value) {
        List<Violation> violations = violations(value);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Schema[" + type.getName() + "]";
    }

    /** Builds the plans of every class reachable through declared member types, once. */
    private static void planReachable(Class<?> root) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Type t = todo.removeFirst();
            switch (t) {
                case Class<?> c when c.isArray() -> todo.add(c.getComponentType());
                case Class<?> c -> {
                    if (c.isPrimitive() || c.isInterface() || Types.leaf(c) || !seen.add(c)) {
                        continue;
                    }
                    Plan.of(c);
                    if (c.isRecord()) {
                        for (RecordComponent rc : c.getRecordComponents()) {
                            todo.add(rc.getGenericType());
                        }
                    } else {
                        for (Class<?> k = c; k != null && !Types.jdk(k); k = k.getSuperclass()) {
                            for (Field f : k.getDeclaredFields()) {
                                if (!Modifier.isStatic(f.getModifiers())) {
                                    todo.add(f.getGenericType());
                                }
                            }
                        }
                    }
                }
                case ParameterizedType p -> {
                    todo.add(p.getRawType());
                    todo.addAll(List.of(p.getActualTypeArguments()));
                }
                case GenericArrayType g -> todo.add(g.getGenericComponentType());
                case WildcardType w -> todo.addAll(List.of(w.getUpperBounds()));
                default -> { } // type variables: only known at runtime
            }
        }
    }
}
