package dev.aurora.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aurora.JsonConfig;
import dev.aurora.internal.json.JacksonFailures;
import dev.aurora.internal.json.JsonSink;
import dev.aurora.internal.json.StrictPrimitives;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The default {@link JsonCodec}: Jackson 2 with Aurora's read limits ({@link JsonConfig}),
 * {@code java.time} as ISO-8601 text both ways, {@code Optional} as the value or {@code null},
 * unknown members refused and content after the document refused.
 *
 * <p>To add Jackson modules or change features, customize the builder Aurora starts from: the read
 * limits stay, since they live in the builder's factory.
 *
 * <pre>{@code
 * app.json(JacksonCodec.of(JsonConfig.defaults(), builder -> builder
 *         .addModule(new ParameterNamesModule())
 *         .enable(SerializationFeature.INDENT_OUTPUT)));
 * }</pre>
 *
 * <p>{@link #wrap(ObjectMapper)} takes a mapper as it is, with its own limits (Jackson's defaults
 * allow 20 million characters in one string). The mapper is built on first use, so an application
 * that never touches JSON never loads Jackson's data binding. Thread-safe.
 */
public final class JacksonCodec implements JsonCodec {
    /**
     * Jackson keeps its scratch buffers in a per-thread recycler by default; with a virtual thread
     * per connection that means fresh buffers (about 20 KB) for every connection. A bounded shared
     * pool reuses them across connections; past the bound Jackson allocates and drops.
     */
    private static final int RECYCLERS = 4 * Runtime.getRuntime().availableProcessors();
    private static final JacksonCodec DEFAULT = new JacksonCodec(() -> Recipes.build(JsonConfig.defaults(), b -> {
    }));

    private final Supplier<ObjectMapper> recipe;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Mappers mappers;

    /** The mapper, its strict copy (made on first strict read) and the limits refusals name. */
    private record Mappers(ObjectMapper lenient, AtomicReference<ObjectMapper> strict, ObjectWriter streaming,
            StreamReadConstraints limits) {
    }

    private JacksonCodec(Supplier<ObjectMapper> recipe) {
        this.recipe = recipe;
    }

    /** {@return the codec for {@link JsonConfig#defaults()}, one instance shared by every application} */
    public static JacksonCodec defaults() {
        return DEFAULT;
    }

    /**
     * {@return the shared default codec for the default configuration, otherwise a new codec}
     *
     * @param config limits and unknown-member handling
     */
    public static JacksonCodec of(JsonConfig config) {
        Objects.requireNonNull(config, "config");
        return config.withStrictTypes(false).equals(JsonConfig.defaults()) ? DEFAULT : new JacksonCodec(() -> Recipes.build(config, b -> {
        }));
    }

    /**
     * A codec whose mapper starts as {@link #of(JsonConfig)} would build it, then goes through
     * {@code customizer}: add modules, enable or disable features, set naming strategies. The read
     * limits of {@code config} stay in force.
     *
     * @param config limits and unknown-member handling
     * @param customizer changes to the builder; called once, when the codec is first used
     * @return the codec
     */
    public static JacksonCodec of(JsonConfig config, Consumer<JsonMapper.Builder> customizer) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(customizer, "customizer");
        return new JacksonCodec(() -> Recipes.build(config, customizer));
    }

    /**
     * A codec around a mapper the application built itself, with that mapper's own read limits and
     * features. Prefer {@link #of(JsonConfig, Consumer)}, which keeps Aurora's limits.
     *
     * @param mapper a configured mapper; it must not be reconfigured afterwards
     * @return the codec
     */
    public static JacksonCodec wrap(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new JacksonCodec(() -> mapper);
    }

    /** {@return the mapper, built now if this is its first use} */
    public ObjectMapper mapper() {
        return mappers().lenient;
    }

    @Override
    public <T> T read(byte[] json, Type type) {
        Mappers m = mappers();
        return read(m, m.lenient, json, type);
    }

    @Override
    public <T> T readStrict(byte[] json, Type type) {
        Mappers m = mappers();
        ObjectMapper strict = m.strict.get();
        if (strict == null) {
            // Two threads may both copy on the first strict read; either copy is right.
            strict = Recipes.strict(m.lenient);
            m.strict.set(strict);
        }
        return read(m, strict, json, type);
    }

    private static <T> T read(Mappers m, ObjectMapper mapper, byte[] json, Type type) {
        StreamReadConstraints limits = m.limits;
        long maxLength = limits.getMaxDocumentLength();
        if (maxLength > 0 && json.length > maxLength) {
            // Refused before Jackson sees a byte, whatever it checks for array input.
            throw JacksonFailures.tooLong(limits);
        }
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        try {
            return mapper.readValue(json, javaType);
        } catch (IOException e) {
            throw JacksonFailures.of(e, limits);
        }
    }

    @Override
    public void write(Object value, OutputStream out) throws IOException {
        Mappers m = mappers();
        if (!(out instanceof JsonSink sink)) {
            m.streaming.writeValue(out, value);
            return;
        }
        JsonGenerator generator = (JsonGenerator) sink.kept(this);
        if (generator == null) {
            generator = m.lenient.createGenerator(sink);
            if (generator.getPrettyPrinter() != null) {
                // A pretty printer writes a separator between root values: no reuse.
                try (JsonGenerator once = generator) {
                    m.lenient.writeValue(once, value);
                }
                return;
            }
            generator.setRootValueSeparator(null);
            sink.keep(this, generator);
        }
        try {
            m.lenient.writeValue(generator, value);
            generator.flush();
        } catch (IOException | RuntimeException | Error e) {
            // A generator left inside an unfinished value would write its next one wrongly.
            sink.drop();
            throw e;
        }
    }

    private Mappers mappers() {
        Mappers m = mappers;
        if (m != null) {
            return m;
        }
        building.lock();
        try {
            if (mappers == null) {
                ObjectMapper mapper = recipe.get();
                mappers = new Mappers(mapper, new AtomicReference<>(),
                        mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET),
                        mapper.getFactory().streamReadConstraints());
            }
            return mappers;
        } finally {
            building.unlock();
        }
    }

    /**
     * Building mappers, apart: the verifier of a class loads every type its methods convert between,
     * so keeping this out of {@link JacksonCodec} keeps Jackson's modules unloaded until first use.
     */
    private static final class Recipes {
        private Recipes() {
        }

        static ObjectMapper build(JsonConfig config, Consumer<JsonMapper.Builder> customizer) {
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
                    // "{...} garbage" is not one JSON document.
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    // java.time as ISO-8601 text both ways ("2026-12-31", "2026-12-31T23:59:30Z",
                    // "PT30S"), and an offset kept as the client sent it rather than moved to UTC.
                    .addModule(new JavaTimeModule())
                    // Optional<T> components read and written as the value or null.
                    .addModule(new Jdk8Module())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
            customizer.accept(builder);
            return builder.build();
        }

        /** A copy of {@code mapper} that refuses what {@link JsonCodec#readStrict} lists. */
        static ObjectMapper strict(ObjectMapper mapper) {
            ObjectMapper strict = mapper.copy();
            strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
            // An explicit null for a primitive is refused; a missing one still takes its default.
            strict.registerModule(StrictPrimitives.module());
            for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                strict.coercionConfigFor(scalar)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            strict.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            return strict;
        }
    }
}
