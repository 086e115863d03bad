package dev.aurora.internal.controller;

import dev.aurora.Context;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Header;
import dev.aurora.annotation.Param;
import dev.aurora.annotation.Query;
import dev.aurora.error.BadRequestException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the parameters of one controller method and builds an {@link ArgumentResolver} for each:
 * {@link Context} unannotated, or exactly one of {@link Param}, {@link Query}, {@link Header} and
 * {@link Body}. Everything that can be checked without a request is checked here (path parameter
 * names against the pattern, supported types, query defaults), so a request can only fail on what
 * the client sent. Runs on the application's thread at registration.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * @param method the route method
     * @param path the full route pattern, prefix included
     * @param pathParams the parameter and catch-all names in {@code path}
     * @param site the method, for error messages
     * @return one resolver per parameter, in order
     * @throws IllegalArgumentException naming {@code site} and the parameter when it cannot be bound
     */
    static ArgumentResolver[] resolvers(Method method, String path, Set<String> pathParams, String site) {
        Parameter[] parameters = method.getParameters();
        ArgumentResolver[] resolvers = new ArgumentResolver[parameters.length];
        int bodyIndex = -1;
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            String label = label(p, i);
            List<Annotation> bindings = bindings(p);
            if (bindings.size() > 1) {
                throw ControllerRoutes.invalid(site, label + " has more than one binding annotation ("
                        + bindings.stream().map(a -> "@" + a.annotationType().getSimpleName())
                                .collect(Collectors.joining(", ")) + "); use one");
            }
            if (p.getType() == Context.class) {
                if (!bindings.isEmpty()) {
                    throw ControllerRoutes.invalid(site, label + " is the Context and takes no binding annotation");
                }
                resolvers[i] = ctx -> ctx;
                continue;
            }
            if (bindings.isEmpty()) {
                throw ControllerRoutes.invalid(site, label + " has no binding annotation; annotate it with"
                        + " @Param, @Query, @Header or @Body, or declare it as Context");
            }
            resolvers[i] = switch (bindings.get(0)) {
                case Param a -> pathParam(a, p, label, path, pathParams, site);
                case Query a -> query(a, p, label, site);
                case Header a -> header(a, p, label, site);
                case Body a -> {
                    if (bodyIndex >= 0) {
                        throw ControllerRoutes.invalid(site, "has two @Body parameters (" + label(parameters[bodyIndex],
                                bodyIndex) + " and " + label + "); a request has one body");
                    }
                    bodyIndex = i;
                    yield body(p);
                }
                default -> throw new AssertionError(bindings.get(0));
            };
        }
        return resolvers;
    }

    private static ArgumentResolver pathParam(Param a, Parameter p, String label, String path, Set<String> pathParams,
            String site) {
        String name = a.value();
        if (!pathParams.contains(name)) {
            throw ControllerRoutes.invalid(site, label + " is bound to @Param(\"" + name + "\") but the route pattern "
                    + path + " has no :" + name + " or *" + name);
        }
        ValueConverter converter = converter(p, "Path parameter " + name, "@Param", label, site);
        return ctx -> {
            String value = ctx.param(name);
            if (value == null) {
                // The router matched this route, so the parameter exists; a null is Aurora's bug, not the client's.
                throw new IllegalStateException("No path parameter " + name + " for route " + path);
            }
            return converter.convert(value);
        };
    }

    private static ArgumentResolver query(Query a, Parameter p, String label, String site) {
        String name = nonEmpty(a.value(), "@Query", label, site);
        ValueConverter converter = converter(p, "Query parameter " + name, "@Query", label, site);
        if (optional(p)) {
            if (!Query.REQUIRED.equals(a.defaultValue())) {
                throw ControllerRoutes.invalid(site, label + " is Optional and has a defaultValue; use one or the other");
            }
            return ctx -> {
                String value = ctx.query(name);
                return value == null ? Optional.empty() : Optional.of(converter.convert(value));
            };
        }
        if (Query.REQUIRED.equals(a.defaultValue())) {
            String missing = "Missing query parameter " + name;
            return ctx -> {
                String value = ctx.query(name);
                if (value == null) {
                    throw new BadRequestException(missing);
                }
                return converter.convert(value);
            };
        }
        Object fallback;
        try {
            // Converted once here, so a bad default fails at registration instead of on every request.
            fallback = converter.parse(a.defaultValue());
        } catch (IllegalArgumentException e) {
            throw ControllerRoutes.invalid(site, label + ": defaultValue \"" + a.defaultValue() + "\" does not fit: "
                    + converter.failure());
        }
        return ctx -> {
            String value = ctx.query(name);
            return value == null ? fallback : converter.convert(value);
        };
    }

    private static ArgumentResolver header(Header a, Parameter p, String label, String site) {
        String name = nonEmpty(a.value(), "@Header", label, site);
        ValueConverter converter = converter(p, "Header " + name, "@Header", label, site);
        if (optional(p)) {
            return ctx -> {
                String value = ctx.header(name);
                return value == null ? Optional.empty() : Optional.of(converter.convert(value));
            };
        }
        String missing = "Missing header " + name;
        return ctx -> {
            String value = ctx.header(name);
            if (value == null) {
                throw new BadRequestException(missing);
            }
            return converter.convert(value);
        };
    }

    private static ArgumentResolver body(Parameter p) {
        // The generic type, so that List<User> binds a list of users rather than a list of maps.
        Type type = p.getParameterizedType();
        if (!p.getType().isPrimitive()) {
            return ctx -> ctx.bodyAs(type);
        }
        return ctx -> {
            Object value = ctx.bodyAs(type);
            if (value == null) {
                throw new BadRequestException("Missing request body");
            }
            return value;
        };
    }

    private static ValueConverter converter(Parameter p, String clientLabel, String annotation, String label,
            String site) {
        Class<?> type = p.getType();
        if (optional(p)) {
            // Optional<T>: T converts; a raw Optional or a wildcard has no T to convert to.
            if (!(p.getParameterizedType() instanceof ParameterizedType pt)
                    || !(pt.getActualTypeArguments()[0] instanceof Class<?> element)) {
                throw ControllerRoutes.invalid(site, label + " is an Optional without a concrete type argument");
            }
            type = element;
        }
        ValueConverter converter = ValueConverter.of(type, clientLabel);
        if (converter == null) {
            throw ControllerRoutes.invalid(site, label + " has a type that " + annotation + " cannot convert to;"
                    + " use " + ValueConverter.SUPPORTED);
        }
        return converter;
    }

    private static boolean optional(Parameter p) {
        return p.getType() == Optional.class;
    }

    private static String nonEmpty(String name, String annotation, String label, String site) {
        if (name.isEmpty()) {
            throw ControllerRoutes.invalid(site, label + " has " + annotation + " with an empty name");
        }
        return name;
    }

    private static List<Annotation> bindings(Parameter p) {
        List<Annotation> found = new ArrayList<>(1);
        for (Annotation a : p.getAnnotations()) {
            if (a instanceof Param || a instanceof Query || a instanceof Header || a instanceof Body) {
                found.add(a);
            }
        }
        return found;
    }

    /** {@code parameter 2 (long id)}; the name only when compiled with {@code -parameters}. */
    private static String label(Parameter p, int index) {
        String type = p.getParameterizedType().getTypeName();
        return "parameter " + (index + 1) + " (" + (p.isNamePresent() ? type + " " + p.getName() : type) + ")";
    }
}
