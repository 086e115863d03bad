package dev.aurora.test;

import dev.aurora.Aurora;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit 5 extension behind {@link AuroraTest}: finds the {@link TestApp}, keeps the
 * application for its scope, and resolves {@link AuroraTestClient}, {@link Aurora} and
 * {@link LogCapture} parameters; runs {@link BothTransports} methods once per transport.
 *
 * <p>Everything lives in JUnit's extension store of the scope it belongs to (the class for a
 * static {@code @TestApp}, the test otherwise), so nothing is static and parallel tests never
 * share a client or a cookie jar; they share an application only when it is static. The store
 * closes each value when its scope ends: clients, captured logs, and servers this extension
 * started.
 */
public final class AuroraExtension implements ParameterResolver, InvocationInterceptor,
        TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AuroraExtension.class);
    private static final String LOG_CAPTURE = "dev.aurora.test.LogCapture";
    /** Store key of the transport a {@link BothTransports} run uses: {@code true} for a socket. */
    private static final String TRANSPORT = "transport";

    /** Called by JUnit. */
    public AuroraExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AuroraTestClient.class || type == Aurora.class || type.getName().equals(LOG_CAPTURE);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type.getName().equals(LOG_CAPTURE)) {
            // Not a class literal: LogCapture needs Logback, which users may not have.
            return context.getStore(NAMESPACE).getOrComputeIfAbsent("logs", key -> LogCapture.attach());
        }
        AppHandle app = app(context);
        boolean server = serverMode(context);
        if (type == Aurora.class) {
            // In server mode a test may talk to the port with a client of its own.
            return server ? app.started() : app.app();
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(new ClientKey(app, server),
                key -> new ClientResource(server ? app.client() : AuroraTestClient.of(app.app())),
                ClientResource.class).client();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        proceed(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        proceed(invocation, context);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, BothTransports.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(new TransportRun(false), new TransportRun(true));
    }

    /** One run of a {@link BothTransports} method: in-process or over a socket. */
    private record TransportRun(boolean server) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return server ? "[socket]" : "[in-process]";
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            context.getStore(NAMESPACE).put(TRANSPORT, server);
        }
    }

    /** Runs the test body on a virtual thread when {@code @AuroraTest(virtualThread = true)} asks for it. */
    private static void proceed(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (!annotation(context).map(AuroraTest::virtualThread).orElse(false)) {
            invocation.proceed();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread body = Thread.ofVirtual().name("aurora-test-" + context.getDisplayName()).start(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        try {
            body.join();
        } catch (InterruptedException e) {
            body.interrupt();
            throw e;
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The application of this context's scope, built on first use. */
    private static AppHandle app(ExtensionContext context) {
        Source source = Source.find(context);
        ExtensionContext scope = source.scope(context);
        return scope.getStore(NAMESPACE).getOrComputeIfAbsent(source.member(),
                member -> new AppHandle(source.produce(scope), source.isMethod()), AppHandle.class);
    }

    /**
     * The transport of the current {@link BothTransports} run, else {@code @AuroraTest(server = ...)}
     * of the test method, else of the nearest class that has one.
     */
    private static boolean serverMode(ExtensionContext context) {
        Boolean run = context.getStore(NAMESPACE).get(TRANSPORT, Boolean.class);
        if (run != null) {
            return run;
        }
        return annotation(context).map(AuroraTest::server).orElse(false);
    }

    /** The {@code @AuroraTest} of the test method, else of the nearest class that has one. */
    private static Optional<AuroraTest> annotation(ExtensionContext context) {
        Optional<AuroraTest> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, AuroraTest.class));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<AuroraTest> onClass = AnnotationSupport.findAnnotation(c, AuroraTest.class);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    /** Where the application comes from: a {@link TestApp} field or method. */
    private record Source(Class<?> declaringTestClass, Member member) {

        /** The innermost test class (or enclosing class) with {@code @TestApp} members wins. */
        static Source find(ExtensionContext context) {
            Class<?> testClass = context.getRequiredTestClass();
            for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
                List<Member> members = new ArrayList<>();
                members.addAll(AnnotationSupport.findAnnotatedFields(c, TestApp.class));
                members.addAll(AnnotationSupport.findAnnotatedMethods(c, TestApp.class, HierarchyTraversalMode.TOP_DOWN));
                if (members.size() > 1) {
                    throw new ParameterResolutionException("Found " + members.size() + " @TestApp members in "
                            + c.getName() + ": " + members.stream().map(Source::describe).toList() + "; keep one");
                }
                if (members.size() == 1) {
                    return new Source(c, check(members.get(0)));
                }
            }
            throw new ParameterResolutionException("No @TestApp field or method in " + testClass.getName()
                    + " or its enclosing classes; add one, e.g. @TestApp static Aurora app() { ... }");
        }

        private static Member check(Member member) {
            if (member instanceof Field field && !Aurora.class.isAssignableFrom(field.getType())) {
                throw new ParameterResolutionException("@TestApp field " + describe(member) + " must be of type Aurora");
            }
            if (member instanceof Method method
                    && (method.getParameterCount() != 0 || !Aurora.class.isAssignableFrom(method.getReturnType()))) {
                throw new ParameterResolutionException(
                        "@TestApp method " + describe(member) + " must take no parameters and return Aurora");
            }
            return member;
        }

        boolean isStatic() {
            return Modifier.isStatic(member.getModifiers());
        }

        boolean isMethod() {
            return member instanceof Method;
        }

        /** The context whose lifetime the application shares. */
        ExtensionContext scope(ExtensionContext context) {
            ExtensionContext classContext = classContext(context, declaringTestClass);
            if (isStatic()) {
                return classContext;
            }
            boolean perClass = classContext.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS;
            return perClass ? classContext : context;
        }

        Aurora produce(ExtensionContext scope) {
            Object target = null;
            if (!isStatic()) {
                target = scope.getTestInstances().flatMap(all -> all.findInstance(declaringTestClass))
                        .orElseThrow(() -> new ParameterResolutionException("@TestApp " + describe(member)
                                + " is an instance member, so it cannot be used before the test instance exists"
                                + " (constructor or @BeforeAll); make it static"));
            }
            Object value;
            try {
                AnnotatedElement element = (AnnotatedElement) member;
                if (element instanceof Field field) {
                    field.setAccessible(true);
                    value = field.get(target);
                } else {
                    Method method = (Method) element;
                    method.setAccessible(true);
                    value = method.invoke(target);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
                throw new ParameterResolutionException("@TestApp " + describe(member) + " failed: " + cause, cause);
            }
            if (value == null) {
                throw new ParameterResolutionException("@TestApp " + describe(member) + " is null");
            }
            return (Aurora) value;
        }

        private static ExtensionContext classContext(ExtensionContext context, Class<?> testClass) {
            for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
                if (c.getTestMethod().isEmpty() && c.getTestClass().orElse(null) == testClass) {
                    return c;
                }
            }
            throw new IllegalStateException("No context for " + testClass.getName() + " above " + context.getUniqueId());
        }

        private static String describe(Member member) {
            return member.getDeclaringClass().getSimpleName() + "." + member.getName()
                    + (member instanceof Method ? "()" : "");
        }
    }

    /** One client per test (and per mode), so cookie jars are never shared. */
    private record ClientKey(AppHandle app, boolean server) {
    }

    /** Lets the store close the client at the end of its scope. */
    private record ClientResource(AuroraTestClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
