package dev.aurora.internal.routing;

import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a route was registered, for error messages that point at the user's code: the first stack
 * frame outside Aurora's registration classes. Called at registration, never per request; a loop
 * rather than a stream pipeline, since each of its lambdas costs start-up time.
 */
public final class CallSite {
    private static final Set<String> REGISTRATION_CLASSES = Set.of(
            "dev.aurora.Aurora", "dev.aurora.Router", "dev.aurora.Routes", "dev.aurora.internal.routing.CallSite",
            "dev.aurora.internal.server.Lifecycle");
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Function<Stream<StackWalker.StackFrame>, String> FIRST_OUTSIDE = CallSite::firstOutside;

    private CallSite() {
    }

    /** @return {@code Class.method(File.java:line)} of the registering caller */
    public static String caller() {
        return WALKER.walk(FIRST_OUTSIDE);
    }

    private static String firstOutside(Stream<StackWalker.StackFrame> frames) {
        for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackWalker.StackFrame f = it.next();
            if (!REGISTRATION_CLASSES.contains(f.getClassName())) {
                return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
            }
        }
        return "unknown";
    }
}
