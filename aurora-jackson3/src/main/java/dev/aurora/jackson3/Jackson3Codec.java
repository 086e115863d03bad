package dev.aurora.jackson3;

import dev.aurora.JsonConfig;
import dev.aurora.json.JsonCodec;
import dev.aurora.json.JsonReadException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A {@link JsonCodec} on Jackson 3: {@code app.json(Jackson3Codec.of(JsonConfig.defaults()))}.
 * It behaves as the default Jackson 2 codec does: the read limits of {@link JsonConfig},
 * {@code java.time} as ISO-8601 text, unknown members and trailing content refused, Jackson 2's
 * lenient coercions for {@link #read} (a {@code null} for a primitive becomes its default, where
 * Jackson 3 alone refuses it) and none for {@link #readStrict}.
 *
 * <pre>{@code
 * app.json(Jackson3Codec.of(JsonConfig.defaults(), builder -> builder
 *         .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)));
 * }</pre>
 *
 * <p>Jackson 3 mappers are immutable and thread-safe; the mapper is built when the codec is made.
 */
public final class Jackson3Codec implements JsonCodec {
    /** A bounded pool shared across connections, since each virtual thread would get fresh buffers. */
    private static final int RECYCLERS = 4 * Runtime.getRuntime().availableProcessors();


    private final JsonMapper mapper;
    private final AtomicReference<JsonMapper> strict = new AtomicReference<>();
    private final ObjectWriter streaming;
    private final StreamReadConstraints limits;

    private Jackson3Codec(JsonMapper mapper) {
        this.mapper = mapper;
        this.streaming = mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
        this.limits = mapper.tokenStreamFactory().streamReadConstraints();
    }

    /**
     * {@return the codec}
     *
     * @param config limits and unknown-member handling
     */
    public static Jackson3Codec of(JsonConfig config) {
        return of(config, b -> {
        });
    }

    /**
     * A codec whose mapper starts as {@link #of(JsonConfig)} builds it, then goes through {@code
     * customizer}; the read limits stay, since they live in the builder's factory.
     *
     * @param config limits and unknown-member handling
     * @param customizer changes to the builder: modules, features, naming
     * @return the codec
     */
    public static Jackson3Codec of(JsonConfig config, Consumer<JsonMapper.Builder> customizer) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(customizer, "customizer");
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(config.maxNestingDepth())
                .maxNumberLength(config.maxNumberLength())
                .maxStringLength(config.maxStringLength())
                .maxNameLength(config.maxNameLength())
                .maxTokenCount(config.maxTokenCount())
                .maxDocumentLength(config.maxDocumentLength())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.newBoundedPool(RECYCLERS))
                .streamReadConstraints(limits)
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, config.failOnUnknownProperties())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Jackson 2's behaviour, which the default codec has; readStrict refuses it.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        customizer.accept(builder);
        return new Jackson3Codec(builder.build());
    }

    /**
     * A codec around a mapper built entirely by the application, with its own limits.
     *
     * @param mapper the mapper
     * @return the codec
     */
    public static Jackson3Codec wrap(JsonMapper mapper) {
        return new Jackson3Codec(Objects.requireNonNull(mapper, "mapper"));
    }

    /** {@return the mapper} */
    public JsonMapper mapper() {
        return mapper;
    }

    @Override
    public <T> T read(byte[] json, Type type) {
        return read(mapper, json, type);
    }

    @Override
    public <T> T readStrict(byte[] json, Type type) {
        JsonMapper s = strict.get();
        if (s == null) {
            // Two threads may both build it on the first strict read; either is right.
            s = strict(mapper);
            strict.set(s);
        }
        return read(s, json, type);
    }

    private <T> T read(JsonMapper with, byte[] json, Type type) {
        long maxLength = limits.getMaxDocumentLength();
        if (maxLength > 0 && json.length > maxLength) {
            throw JsonReadException.tooLong(maxLength);
        }
        JavaType javaType = with.getTypeFactory().constructType(type);
        try {
            return with.readValue(json, javaType);
        } catch (JacksonException e) {
            throw Jackson3Failures.of(e, limits);
        }
    }

    @Override
    public void write(Object value, OutputStream out) {
        streaming.writeValue(out, value);
    }

    private static JsonMapper strict(JsonMapper mapper) {
        JsonMapper.Builder b = mapper.rebuild().enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // An explicit null for a primitive is refused; a missing one takes its default.
        b.addModule(StrictPrimitives.module());
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            b.withCoercionConfig(scalar, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        }
        b.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
        b.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
        b.withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        return b.build();
    }
}
