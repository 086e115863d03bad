package dev.aurora.schema;

import dev.aurora.error.BadRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value broke its {@link Schema}. Answered with {@code 400} and a problem body whose {@code
 * errors} member lists each violation as {@code {"pointer", "code", "message"}}.
 */
public class ValidationException extends BadRequestException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * A 400 whose problem body lists these violations.
     *
     * @param violations what failed, at least one; copied
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(List<Violation> violations) {
        this(List.copyOf(violations), 0);
    }

    private ValidationException(List<Violation> violations, int unused) {
        super(message(violations), Map.of("errors", errors(violations)));
        this.violations = violations;
    }

    /**
     * Records no stack trace: this is thrown on client input, where the trace is never logged and
     * filling it in would be work an attacker could make us repeat.
     *
     * @return this exception
     */
    @Override
    public Throwable fillInStackTrace() {
        return this;
    }

    /** {@return what failed, in the order found} */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return violations.size() == 1 ? "1 invalid value" : violations.size() + " invalid values";
    }

    // Plain maps rather than the records: the JSON codec needs no access to this package.
    private static List<Map<String, String>> errors(List<Violation> violations) {
        List<Map<String, String>> errors = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("pointer", v.pointer());
            e.put("code", v.code());
            e.put("message", v.message());
            errors.add(e);
        }
        return List.copyOf(errors);
    }
}
