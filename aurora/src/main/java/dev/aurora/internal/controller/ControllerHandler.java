package dev.aurora.internal.controller;

import dev.aurora.Context;
import dev.aurora.Handler;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * The {@link Handler} of one controller method: resolves the arguments, sets the {@code @Status},
 * calls the method through a method handle prepared at registration and sends what it returned.
 *
 * <p>Return values: {@code void} sends nothing (the method used the context, or the framework sends
 * an empty response with the current status); a {@code String} is sent as text; {@code null} from a
 * non-void method is {@code 204} without a body, or an empty response with the {@code @Status} if
 * there is one; anything else is sent as JSON.
 *
 * <p>Immutable; runs on the connection's virtual thread of every request to its route.
 */
final class ControllerHandler implements Handler {
    private final MethodHandle invoker;
    private final ArgumentResolver[] resolvers;
    private final int status;
    private final boolean returnsValue;
    private final String site;

    /**
     * @param invoker {@code (Object[])Object}: receiver bound, arguments spread from the array
     * @param resolvers one per method parameter
     * @param status the {@code @Status} code, or 0 for none
     * @param returnsValue false for a {@code void} method
     * @param site the controller method, for {@link #toString()}
     */
    ControllerHandler(MethodHandle invoker, ArgumentResolver[] resolvers, int status, boolean returnsValue,
            String site) {
        this.invoker = invoker;
        this.resolvers = resolvers;
        this.status = status;
        this.returnsValue = returnsValue;
        this.site = site;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Object[] args = new Object[resolvers.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = resolvers[i].resolve(ctx);
        }
        if (status != 0) {
            // Before the call, so that it also applies to anything the method writes itself.
            ctx.status(status);
        }
        Object result;
        try {
            // A method handle throws what the method threw, unwrapped, unlike Method.invoke.
            result = (Object) invoker.invokeExact(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
        if (!returnsValue) {
            return;
        }
        if (result == null) {
            if (status == 0) {
                ctx.status(204);
            }
        } else if (result instanceof String text) {
            ctx.send(text);
        } else {
            ctx.json(result);
        }
    }

    @Override
    public String toString() {
        return site;
    }
}
