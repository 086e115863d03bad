package dev.aurora.examples.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.error.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A custom middleware: one line on the logger {@code audit} for each change a client asks for,
 * after the handler, naming who asked and how it ended. The request id is in the MDC
 * ({@code app.requestIds()}), so the line joins up with the access log and with what the client
 * saw in {@code X-Request-Id}. Runs after {@link BearerAuth}, which supplies the principal.
 */
public final class Audit implements Middleware {
    /** The logger the audit lines go to. */
    public static final String LOGGER = "audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        try {
            next.handle(ctx);
            log(ctx, ctx.status());
        } catch (HttpException refused) {
            log(ctx, refused.status());
            throw refused;
        }
    }

    private static void log(Context ctx, int status) {
        String subject = BearerAuth.principal(ctx).subject();
        LOG.atInfo()
                .setMessage("{} {} {} by {}")
                .addArgument(ctx.method())
                .addArgument(ctx.path())
                .addArgument(status)
                .addArgument(subject)
                .addKeyValue("subject", subject)
                .addKeyValue("status", status)
                .log();
    }
}
