package dev.aurora.internal.json;

import dev.aurora.schema.Schema;
import java.util.Collection;
import java.util.Map;

/**
 * Validates a bound request body against its schema annotations, by the value's runtime class
 * (so {@code List<User>} checks each user). Plain JDK values and Jackson's own trees
 * ({@code JsonNode}) carry no constraints and are not walked. Any thread.
 */
public final class BodyValidation {
    private BodyValidation() {
    }

    /** @return {@code value}, valid */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> T validated(T value) {
        if (value == null || !constrainable(value.getClass())) {
            return value;
        }
        Schema schema = Schema.of(value.getClass());
        schema.validate(value);
        return value;
    }

    private static boolean constrainable(Class<?> c) {
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return true;
        }
        if (c.isArray()) {
            return !c.getComponentType().isPrimitive();
        }
        String p = c.getPackageName();
        return !(p.startsWith("java.") || p.startsWith("com.fasterxml.jackson.") || c.isEnum());
    }
}
