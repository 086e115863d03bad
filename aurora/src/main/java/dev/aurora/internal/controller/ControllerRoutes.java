package dev.aurora.internal.controller;

import dev.aurora.Handler;
import dev.aurora.annotation.Delete;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Head;
import dev.aurora.annotation.Options;
import dev.aurora.annotation.Patch;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Put;
import dev.aurora.annotation.Status;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an annotated controller object into routes.
 *
 * <p>Design: all reflection happens once, in {@link #of}. For each route method it checks
 * everything that does not need a request (one route annotation, every parameter bindable, every
 * {@code @Param} present in the pattern, a valid {@code @Status}) and fails with the class and
 * method named. It then prepares a {@link ControllerHandler}: one {@link ArgumentResolver} per
 * parameter and a {@link MethodHandle} bound to the controller and adapted to
 * {@code (Object[])Object}. A request then costs an argument array and one handle call, which the
 * JIT can inline; exceptions from the method arrive unwrapped.
 *
 * <p>Which methods are routes: every method (any visibility, static too) of the controller's class
 * and its superclasses with one of {@link Get}, {@link Post}, {@link Put}, {@link Patch},
 * {@link Delete}, {@link Head}, {@link Options}. An override without a route annotation keeps the
 * overridden method's route (and its parameter annotations), and the call reaches the override;
 * an annotated override replaces it. Interfaces are not read.
 *
 * <p>Paths: the class's {@link Prefix} (or the nearest superclass's) plus the pattern. An empty
 * pattern, or {@code "/"}, is the prefix itself ({@code "/"} without a prefix); a trailing
 * {@code '/'} on the prefix is dropped, so {@code "/users/"} and {@code "/users"} join alike.
 *
 * <p>Access: the methods are opened with {@code setAccessible}, so package-private and nested
 * controller classes work on the class path. A controller in a named module must open its package
 * to {@code dev.aurora}; otherwise registration fails and says so.
 *
 * <p>Runs on the application's thread at registration. The controller instance is shared by every
 * request to its routes, on many virtual threads at once, so it must be thread-safe.
 */
public final class ControllerRoutes {
    // Aurora's own lookup: with setAccessible done first, unreflect skips the access check.
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private ControllerRoutes() {
    }

    /**
     * One route of a controller.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param path the full pattern, prefix included, e.g. {@code /users/:id}
     * @param handler calls the controller method
     * @param site the controller method, e.g. {@code com.example.UserController.get(UserController.java)}
     */
    public record Route(String method, String path, Handler handler, String site) {
    }

    /** A route annotation of a method, read. */
    private record Mapping(String method, String pattern, String annotation) {
    }

    /**
     * Reads the controller's class (reflection happens here only) and returns its routes.
     *
     * @param controller an instance of an annotated class
     * @return its routes, ordered by class (subclass first), then method name
     * @throws IllegalArgumentException naming the class and method for any invalid controller
     */
    public static List<Route> of(Object controller) {
        Objects.requireNonNull(controller, "controller");
        Class<?> type = controller.getClass();
        String prefix = prefix(type);
        List<Route> routes = new ArrayList<>();
        for (Method method : routeMethods(type)) {
            routes.add(route(controller, prefix, method));
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("Invalid controller " + type.getName()
                    + ": no route annotations (@Get, @Post, @Put, @Patch, @Delete, @Head, @Options) on any method");
        }
        return List.copyOf(routes);
    }

    /** An error for a controller method; {@code problem} completes a sentence about it. */
    static IllegalArgumentException invalid(String site, String problem) {
        return new IllegalArgumentException("Invalid controller method " + site + ": " + problem);
    }

    private static Route route(Object controller, String prefix, Method method) {
        String site = site(method);
        List<Mapping> mappings = mappings(method);
        if (mappings.size() > 1) {
            throw invalid(site, "has " + mappings.size() + " route annotations ("
                    + mappings.stream().map(Mapping::annotation).collect(Collectors.joining(", "))
                    + "); use one method per route");
        }
        Mapping mapping = mappings.get(0);
        String path = join(prefix, mapping.pattern(), mapping.annotation(), site);
        int status = status(method, site);
        ArgumentResolver[] resolvers = ParameterBinder.resolvers(method, path, pathParams(path), site);
        MethodHandle invoker = invoker(controller, method, site);
        Handler handler = new ControllerHandler(invoker, resolvers, status, method.getReturnType() != void.class, site);
        return new Route(mapping.method(), path, handler, site);
    }

    /**
     * Methods with a route annotation, subclass first. An annotated method hides annotated methods
     * with the same signature further up; an unannotated override does not, see the class comment.
     */
    private static List<Method> routeMethods(Class<?> type) {
        List<Method> found = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            // getDeclaredMethods has no defined order; sort so routes and errors are reproducible.
            Arrays.sort(declared, Comparator.comparing(Method::getName)
                    .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
            for (Method m : declared) {
                if (m.isBridge() || m.isSynthetic() || mappings(m).isEmpty()) {
                    continue;
                }
                // Private and static methods are never overridden, so they neither hide nor are hidden.
                boolean overridable = (m.getModifiers() & (Modifier.PRIVATE | Modifier.STATIC)) == 0;
                if (!overridable || signatures.add(m.getName() + Arrays.toString(m.getParameterTypes()))) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static List<Mapping> mappings(Method method) {
        List<Mapping> mappings = new ArrayList<>(1);
        for (Annotation a : method.getDeclaredAnnotations()) {
            Mapping mapping = switch (a) {
                case Get g -> new Mapping("GET", g.value(), "@Get");
                case Post p -> new Mapping("POST", p.value(), "@Post");
                case Put p -> new Mapping("PUT", p.value(), "@Put");
                case Patch p -> new Mapping("PATCH", p.value(), "@Patch");
                case Delete d -> new Mapping("DELETE", d.value(), "@Delete");
                case Head h -> new Mapping("HEAD", h.value(), "@Head");
                case Options o -> new Mapping("OPTIONS", o.value(), "@Options");
                default -> null;
            };
            if (mapping != null) {
                mappings.add(mapping);
            }
        }
        return mappings;
    }

    /** The nearest {@code @Prefix} without its trailing {@code '/'}; empty for none. */
    private static String prefix(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Prefix prefix = c.getDeclaredAnnotation(Prefix.class);
            if (prefix != null) {
                String value = prefix.value();
                if (!value.startsWith("/")) {
                    throw new IllegalArgumentException("Invalid controller " + type.getName() + ": @Prefix(\"" + value
                            + "\") on " + c.getName() + " must start with '/'");
                }
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        }
        return "";
    }

    private static String join(String prefix, String pattern, String annotation, String site) {
        if (pattern.isEmpty() || pattern.equals("/")) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        if (!pattern.startsWith("/")) {
            throw invalid(site, annotation + "(\"" + pattern + "\") must start with '/' (or be empty for the prefix"
                    + " itself)");
        }
        return prefix + pattern;
    }

    /** The names of {@code :name} parameters and the {@code *name} catch-all in {@code path}. */
    private static Set<String> pathParams(String path) {
        Set<String> names = new LinkedHashSet<>();
        for (String segment : path.split("/")) {
            if (segment.length() > 1 && (segment.charAt(0) == ':' || segment.charAt(0) == '*')) {
                names.add(segment.substring(1));
            }
        }
        return names;
    }

    /** The {@code @Status} code, or 0 for none. */
    private static int status(Method method, String site) {
        Status status = method.getDeclaredAnnotation(Status.class);
        if (status == null) {
            return 0;
        }
        if (status.value() < 200 || status.value() > 599) {
            throw invalid(site, "@Status(" + status.value() + ") must be 200-599");
        }
        return status.value();
    }

    /** The method as a {@code (Object[])Object} handle, bound to {@code controller} unless static. */
    private static MethodHandle invoker(Object controller, Method method, String site) {
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = LOOKUP.unreflect(method);
        } catch (InaccessibleObjectException | IllegalAccessException | SecurityException e) {
            throw new IllegalArgumentException("Invalid controller method " + site + ": Aurora cannot call it ("
                    + e.getMessage() + "); if the controller is in a named module, open package "
                    + method.getDeclaringClass().getPackageName() + " to dev.aurora", e);
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            handle = handle.bindTo(controller);
        }
        return handle.asType(handle.type().generic()).asSpreader(Object[].class, method.getParameterCount());
    }

    /**
     * {@code com.example.UserController.get(UserController.java)}, like a stack frame without the
     * line (reflection cannot tell it); nested classes name the file of their top-level class.
     */
    private static String site(Method method) {
        Class<?> top = method.getDeclaringClass();
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return method.getDeclaringClass().getName() + "." + method.getName() + "(" + top.getSimpleName() + ".java)";
    }
}
