package dev.aurora.internal.controller;

import dev.aurora.error.BadRequestException;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed accessors of {@link dev.aurora.Context} ({@code ctx.param("id", long.class)}): the same
 * conversions as controller parameters, so a value that does not fit is a {@code 400} naming it,
 * never a {@code 500} from {@code Long.parseLong}. One converter per type, built on first use.
 */
public final class RequestValues {
    private static final ClassValue<Optional<ValueConverter>> CONVERTERS = new ClassValue<>() {
        @Override
        protected Optional<ValueConverter> computeValue(Class<?> type) {
            return Optional.ofNullable(ValueConverter.of(type, ""));
        }
    };

    private RequestValues() {
    }

    /**
     * @param kind how such values are named to clients, e.g. {@code Path parameter}
     * @return {@code value} as {@code type}
     * @throws BadRequestException when the value does not fit, e.g. {@code Query parameter page
     *     must be an int}
     * @throws IllegalArgumentException when {@code type} is not one that can be converted to
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(Class<T> type, String kind, String name, String value) {
        ValueConverter converter = CONVERTERS.get(type).orElseThrow(() -> new IllegalArgumentException(
                "Cannot convert " + kind.toLowerCase(Locale.ROOT) + " " + name + " to " + type.getName()
                        + "; supported: " + ValueConverter.SUPPORTED));
        try {
            return (T) converter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(kind + " " + name + " " + converter.expectation());
        }
    }
}
