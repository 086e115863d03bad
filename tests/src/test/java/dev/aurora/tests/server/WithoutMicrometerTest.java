package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.RawConnection;
import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: an application that never calls {@code metrics(...)} or
 * {@code prometheus(...)} starts, serves and counts with no Micrometer jar at all, and never loads
 * Aurora's Micrometer-facing classes. Aurora runs here in its own class loader over this test's
 * class path minus the Micrometer and Prometheus jars, driven through method handles (reflection
 * that lists all of {@code Aurora}'s methods would need every parameter type, {@code MeterRegistry}
 * included).
 */
class WithoutMicrometerTest {

    /** Loads from the given jars and directories first; records what Micrometer-facing classes it was asked for. */
    private static final class IsolatedLoader extends URLClassLoader {
        final Set<String> metricsClassesRequested = ConcurrentHashMap.newKeySet();

        IsolatedLoader(URL[] urls) {
            super("isolated-aurora", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.") || name.startsWith("io.prometheus.")
                    || name.startsWith("dev.aurora.internal.observe.MicrometerMetrics")
                    || name.startsWith("dev.aurora.internal.observe.RequestTimers")) {
                metricsClassesRequested.add(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private static IsolatedLoader loader(boolean withMicrometer) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            boolean metricsJar = path.contains("/io/micrometer/") || path.contains("/io/prometheus/")
                    || path.contains("/org/hdrhistogram/") || path.contains("/org/latencyutils/");
            if (withMicrometer || !metricsJar) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new IsolatedLoader(urls.toArray(URL[]::new));
    }

    @Test
    void coreStartsServesAndCountsWithNoMicrometerOnTheClassPath() throws Throwable {
        try (IsolatedLoader loader = loader(false)) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"));
            loader.metricsClassesRequested.clear();
            Object app = app(loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> aurora = app.getClass();
            lookup.findVirtual(aurora, "start", MethodType.methodType(aurora, int.class)).invoke(app, 0);
            try {
                int port = (int) lookup.findVirtual(aurora, "port", MethodType.methodType(int.class)).invoke(app);
                try (RawConnection client = RawConnection.open(port)) {
                    client.send(RawConnection.get("/"));
                    assertEquals("ok", client.readResponse().bodyString());
                }
                Class<?> stats = loader.loadClass("dev.aurora.ServerStats");
                Object snapshot = lookup.findVirtual(aurora, "stats", MethodType.methodType(stats)).invoke(app);
                assertEquals(1L, (long) lookup.findVirtual(stats, "requests", MethodType.methodType(long.class)).invoke(snapshot));
            } finally {
                lookup.findVirtual(aurora, "stop", MethodType.methodType(void.class)).invoke(app);
            }
            assertEquals(Set.of(), loader.metricsClassesRequested);
        }
    }

    @Test
    void theLoaderSeesMicrometerClassesOnceMetricsAreUsed() throws Throwable {
        try (IsolatedLoader loader = loader(true)) {
            Object app = app(loader);
            Class<?> aurora = app.getClass();
            MethodHandles.publicLookup().findVirtual(aurora, "prometheus", MethodType.methodType(aurora)).invoke(app);
            assertFalse(loader.metricsClassesRequested.isEmpty());
            assertTrue(loader.metricsClassesRequested.contains("dev.aurora.internal.observe.MicrometerMetrics"),
                    loader.metricsClassesRequested::toString);
        }
    }

    /** {@code Aurora.create(config on 127.0.0.1).get("/", ctx -> ctx.send("ok"))} in {@code loader}. */
    private static Object app(ClassLoader loader) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> aurora = loader.loadClass("dev.aurora.Aurora");
        Class<?> config = loader.loadClass("dev.aurora.ServerConfig");
        Class<?> handler = loader.loadClass("dev.aurora.Handler");
        Class<?> context = loader.loadClass("dev.aurora.Context");
        Object defaults = lookup.findStatic(config, "defaults", MethodType.methodType(config)).invoke();
        Object local = lookup.findVirtual(config, "withHost", MethodType.methodType(config, String.class))
                .invoke(defaults, "127.0.0.1");
        Object app = lookup.findStatic(aurora, "create", MethodType.methodType(aurora, config)).invoke(local);
        MethodHandle send = lookup.findVirtual(context, "send", MethodType.methodType(void.class, String.class));
        Object ok = Proxy.newProxyInstance(loader, new Class<?>[] {handler}, (proxy, method, args) -> {
            return switch (method.getName()) {
                case "handle" -> {
                    send.invoke(args[0], "ok");
                    yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "ok handler";
            };
        });
        Class<?> routes = loader.loadClass("dev.aurora.Routes");
        Class<?> middleware = loader.loadClass("dev.aurora.Middleware").arrayType();
        lookup.findVirtual(aurora, "get", MethodType.methodType(routes, String.class, handler, middleware)).asFixedArity()
                .invoke(app, "/", ok, Array.newInstance(middleware.componentType(), 0));
        return app;
    }
}
