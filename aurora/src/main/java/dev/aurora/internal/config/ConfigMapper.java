package dev.aurora.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Duration;

/**
 * The Jackson mapper that binds configuration trees: durations as {@code 30s} or {@code PT30S},
 * whole numbers with optional byte units ({@code 10MiB}), enums in any case, and no silent
 * zeros: an empty string or a null is not a number, and a fraction is not a whole number.
 */
final class ConfigMapper {
    private ConfigMapper() {
    }

    static ObjectMapper create() {
        SimpleModule module = new SimpleModule("aurora-config");
        module.addDeserializer(Duration.class, new DurationDeserializer());
        module.addSerializer(Duration.class, ToStringSerializer.instance);
        module.addDeserializer(Long.class, new WholeNumberDeserializer<>(Long.class, false));
        module.addDeserializer(long.class, new WholeNumberDeserializer<>(Long.class, true));
        module.addDeserializer(Integer.class, new WholeNumberDeserializer<>(Integer.class, false));
        module.addDeserializer(int.class, new WholeNumberDeserializer<>(Integer.class, true));
        JsonMapper mapper = JsonMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(module)
                .build();
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw InvalidFormatException.from(p, "expected " + DurationText.EXPECTED + ", got " + p.getText()
                        + (p.currentToken().isNumeric() ? " (a number needs a unit)" : ""), p.getText(), Duration.class);
            }
            try {
                return DurationText.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Duration.class);
            }
        }
    }

    /** int and long: a JSON/TOML integer, or a string with digits and an optional byte unit. */
    private static final class WholeNumberDeserializer<T extends Number> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final boolean primitive;
        private final long min;
        private final long max;
        private final String expected;

        WholeNumberDeserializer(Class<T> type, boolean primitive) {
            this.type = type;
            this.primitive = primitive;
            boolean isInt = type == Integer.class;
            this.min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
            this.max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
            this.expected = isInt ? "a whole number (32-bit)" : "a whole number";
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            if (primitive) {
                return ctxt.reportInputMismatch(type, "expected " + expected + ", got null");
            }
            return null;
        }

        /** A key that is not set at all binds as Jackson binds it: 0 for a primitive, else null. */
        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return primitive ? (type == Integer.class ? (Object) 0 : (Object) 0L) : null;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            long value;
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw outOfRange(p);
                }
                value = p.getLongValue();
            } else if (token == JsonToken.VALUE_STRING) {
                try {
                    value = ByteSizeText.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    throw InvalidFormatException.from(p, "expected " + expected + ", got '" + p.getText() + "'", p.getText(), type);
                }
            } else {
                throw InvalidFormatException.from(p, "expected " + expected + ", got " + describe(p), p.getText(), type);
            }
            if (value < min || value > max) {
                throw outOfRange(p);
            }
            return type == Integer.class ? type.cast((int) value) : type.cast(value);
        }

        private InvalidFormatException outOfRange(JsonParser p) throws IOException {
            return InvalidFormatException.from(p, p.getText() + " is out of range (" + min + " to " + max + ")", p.getText(), type);
        }

        private static String describe(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_FLOAT -> p.getText() + " (a fraction)";
                case START_OBJECT -> "a table";
                case START_ARRAY -> "a list";
                case VALUE_TRUE, VALUE_FALSE -> p.getText() + " (a boolean)";
                default -> p.getText();
            };
        }
    }
}
