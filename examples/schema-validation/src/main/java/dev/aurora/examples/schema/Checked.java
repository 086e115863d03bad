package dev.aurora.examples.schema;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.Validated;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Route middleware that runs a custom check on a value {@link Validated} has bound and checked
 * already, and refuses the request the way the schema does: {@code 400} with the check's
 * violations in the {@code errors} array. Register it after the {@code Validated} it reads.
 *
 * @param <T> the validated type
 */
final class Checked<T> implements Middleware {
    private final Validated<T> validated;
    private final Function<T, List<Violation>> check;

    private Checked(Validated<T> validated, Function<T, List<Violation>> check) {
        this.validated = Objects.requireNonNull(validated, "validated");
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * @param validated the middleware that binds the value, earlier on the route
     * @param check the violations of a value, empty when it is valid
     * @return the middleware
     */
    static <T> Checked<T> by(Validated<T> validated, Function<T, List<Violation>> check) {
        return new Checked<>(validated, check);
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        List<Violation> violations = check.apply(validated.get(ctx));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        next.handle(ctx);
    }
}
