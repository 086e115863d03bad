package dev.aurora.internal.routing;

import java.util.Set;

/**
 * Where a route was registered, for error messages that point at the user's code: the first stack
 * frame outside Aurora's registration classes. Called at registration, never per request.
 */
public final class CallSite {
    private static final Set<String> REGISTRATION_CLASSES = Set.of(
            "dev.aurora.Aurora", "dev.aurora.Router", "dev.aurora.Routes", "dev.aurora.internal.routing.CallSite",
            "dev.aurora.internal.server.Lifecycle");
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSite() {
    }

    /** @return {@code Class.method(File.java:line)} of the registering caller */
    public static String caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !REGISTRATION_CLASSES.contains(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
    }
}
