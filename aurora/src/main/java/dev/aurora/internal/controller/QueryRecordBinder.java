package dev.aurora.internal.controller;

import dev.aurora.Context;
import dev.aurora.schema.Schema;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a request's query string to a record, one query parameter per component of the same name,
 * then validates the record against its schema annotations.
 *
 * <p>The rules, in the order they apply:
 * <ol>
 *   <li>Each component reads the parameter named like it; parameters no component names are
 *       ignored (browsers, proxies and trackers add their own, such as {@code utm_source}).</li>
 *   <li>A missing parameter, or an empty one for a non-{@code String} component, is absent: a
 *       reference component gets {@code null}, an {@code Optional} gets {@code Optional.empty()},
 *       a {@code List} or {@code Set} gets an empty collection; a primitive component cannot be
 *       absent and is a {@code required} violation.</li>
 *   <li>A scalar component takes the parameter's first value; a {@code List} or {@code Set} takes
 *       every value, in order (a set drops repeats).</li>
 *   <li>A value that does not convert ({@link ValueConverter}) is a {@code type} violation at
 *       {@code /name} (or {@code /name/index} for a collection element). Every such violation is
 *       reported at once, before the record is built.</li>
 *   <li>The canonical constructor runs; an {@code IllegalArgumentException} it throws is an
 *       {@code invalid} violation at {@code ""} carrying its message, so compact-constructor checks
 *       reach the client as a 400.</li>
 *   <li>The record's {@link Schema} checks the result.</li>
 * </ol>
 *
 * <p>Everything reflective (the constructor handle, one converter per component, the schema) is
 * built once per record type and cached; misuse fails there, naming type and component. Immutable;
 * {@link #bind} runs on the connection's virtual thread, any number at once.
 *
 * @param <T> the record type
 */
public final class QueryRecordBinder<T extends Record> {
    private static final ClassValue<QueryRecordBinder<?>> BINDERS = new ClassValue<>() {
        @Override
        protected QueryRecordBinder<?> computeValue(Class<?> type) {
            return new QueryRecordBinder<>(type.asSubclass(Record.class));
        }
    };
    private static final String SUPPORTED = ValueConverter.SUPPORTED + ", or an Optional, List or Set of one";

    private final Class<T> type;
    private final Component[] components;
    /** The canonical constructor, typed {@code (Object[])Object}. */
    private final MethodHandle constructor;
    private final Schema<T> schema;

    private QueryRecordBinder(Class<T> type) {
        this.type = type;
        RecordComponent[] rcs = type.getRecordComponents();
        this.components = new Component[rcs.length];
        Class<?>[] raw = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            components[i] = component(type, rcs[i]);
            raw[i] = rcs[i].getType();
        }
        this.constructor = constructor(type, raw);
        this.schema = Schema.of(type);
    }

    /**
     * The binder of {@code type}, built on first use and cached.
     *
     * @throws IllegalArgumentException if {@code type} is not a record, a component has a type no
     *     query parameter converts to, or the constructor cannot be reached; the message names type
     *     and component
     */
    @SuppressWarnings("unchecked")
    public static <T extends Record> QueryRecordBinder<T> of(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; query parameters bind to records");
        }
        return (QueryRecordBinder<T>) BINDERS.get(type);
    }

    /**
     * @return the record made from {@code ctx}'s query, valid
     * @throws ValidationException listing every parameter that does not convert, or every
     *     constraint the record breaks
     */
    public T bind(Context ctx) {
        Object[] args = new Object[components.length];
        List<Violation> violations = new ArrayList<>(0);
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].read(ctx, violations);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return schema.validate(construct(args));
    }

    private T construct(Object[] args) {
        try {
            return type.cast((Object) constructor.invokeExact(args));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() != null ? e.getMessage() : "rejected by " + type.getSimpleName();
            throw new ValidationException(List.of(new Violation("", "invalid", message)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("constructor of " + type.getName() + " failed", e);
        }
    }

    private enum Shape { SCALAR, OPTIONAL, LIST, SET }

    /** One component: its parameter name, how many values it takes, and how each converts. */
    private record Component(String name, String pointer, Shape shape, ValueConverter converter, boolean primitive,
            boolean string) {

        /** The component's value from {@code ctx}'s query; what does not convert goes to {@code violations}. */
        Object read(Context ctx, List<Violation> violations) {
            if (shape == Shape.SCALAR || shape == Shape.OPTIONAL) {
                int before = violations.size();
                Object value = convert(ctx.query(name), -1, violations);
                if (value == null && primitive && violations.size() == before) {
                    violations.add(new Violation(pointer, "required", "must be present"));
                }
                return shape == Shape.OPTIONAL ? Optional.ofNullable(value) : value;
            }
            List<String> values = ctx.queries(name);
            List<Object> converted = new ArrayList<>(values.size());
            for (int j = 0; j < values.size(); j++) {
                Object value = convert(values.get(j), j, violations);
                if (value != null) {
                    converted.add(value);
                }
            }
            return shape == Shape.LIST ? List.copyOf(converted) : Collections.unmodifiableSet(new LinkedHashSet<>(converted));
        }

        /**
         * @param index the value's position for a collection, -1 for a scalar
         * @return the converted value, or null if absent (missing, or an empty form field) or malformed
         */
        private Object convert(String value, int index, List<Violation> violations) {
            if (value == null || (value.isEmpty() && !string)) {
                return null;
            }
            try {
                return converter.parse(value);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(index < 0 ? pointer : pointer + "/" + index, "type", converter.expectation()));
                return null;
            }
        }
    }

    private static Component component(Class<?> owner, RecordComponent rc) {
        Type generic = rc.getGenericType();
        Class<?> raw = rc.getType();
        Shape shape = raw == Optional.class ? Shape.OPTIONAL
                : raw == List.class ? Shape.LIST
                : raw == Set.class ? Shape.SET
                : Shape.SCALAR;
        Class<?> element = raw;
        if (shape != Shape.SCALAR) {
            element = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                    ? c : null;
        }
        ValueConverter converter = element == null ? null : ValueConverter.of(element, "Query parameter " + rc.getName());
        if (converter == null) {
            throw new IllegalArgumentException(owner.getName() + "." + rc.getName() + " has type " + generic.getTypeName()
                    + ", which no query parameter converts to; use " + SUPPORTED);
        }
        return new Component(rc.getName(), "/" + rc.getName(), shape, converter, raw.isPrimitive(),
                element == String.class);
    }

    private static MethodHandle constructor(Class<?> type, Class<?>[] raw) {
        MethodType signature = MethodType.methodType(void.class, raw);
        MethodHandle h;
        try {
            h = MethodHandles.privateLookupIn(type, MethodHandles.lookup()).findConstructor(type, signature);
        } catch (IllegalAccessException | SecurityException | NoSuchMethodException e) {
            try {
                h = MethodHandles.publicLookup().findConstructor(type, signature);
            } catch (IllegalAccessException | NoSuchMethodException e2) {
                throw new IllegalArgumentException("cannot construct " + type.getName() + ": open package "
                        + type.getPackageName() + " to module dev.aurora", e2);
            }
        }
        return h.asSpreader(Object[].class, raw.length).asType(MethodType.methodType(Object.class, Object[].class));
    }
}
