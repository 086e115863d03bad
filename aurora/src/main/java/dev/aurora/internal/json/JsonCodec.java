package dev.aurora.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aurora.JsonConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.HttpException;
import dev.aurora.error.PayloadTooLargeException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An application's JSON: one shared, thread-safe {@link ObjectMapper} (built from the application's
 * {@link JsonConfig}, or the application's own), a reusable per-connection {@link Sink} so
 * serializing a response does not allocate a fresh byte array, and reading that turns Jackson's failures into {@code 400}s a client can act
 * on (line and column for malformed JSON, the field for a value of the wrong type). Any thread.
 */
public final class JsonCodec {
    /**
     * Jackson keeps its scratch buffers in a per-thread recycler by default; with a virtual thread
     * per connection that means fresh buffers (about 20 KB) for every connection. A bounded shared
     * pool reuses them across connections; past the bound Jackson allocates and drops.
     */
    private static final int RECYCLERS = 4 * Runtime.getRuntime().availableProcessors();
    private static final JsonCodec DEFAULT = build(JsonConfig.defaults());

    private final ObjectMapper mapper;
    /** The mapper's own limits, so refusals name the numbers actually enforced. */
    private final StreamReadConstraints limits;

    /** A codec around an application's own mapper, which keeps its own read limits. */
    public JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.limits = mapper.getFactory().streamReadConstraints();
    }

    /** The codec for {@link JsonConfig#defaults()}: one instance, shared by every application. */
    public static JsonCodec defaults() {
        return DEFAULT;
    }

    /** @return the shared default codec for the default configuration, otherwise a new codec */
    public static JsonCodec of(JsonConfig config) {
        return config.equals(JsonConfig.defaults()) ? DEFAULT : build(config);
    }

    private static JsonCodec build(JsonConfig config) {
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
        return new JsonCodec(JsonMapper.builder(factory)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, config.failOnUnknownProperties())
                // java.time as ISO-8601 text both ways ("2026-12-31", "2026-12-31T23:59:30Z",
                // "PT30S"), and an offset kept as the client sent it rather than moved to UTC.
                .addModule(new JavaTimeModule())
                // Optional<T> components read and written as the value or null.
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Serializes {@code value} into {@code sink} (which is cleared first), through the generator the
     * sink keeps for this codec: a fresh generator per call costs about 250 bytes (its context, its
     * I/O context and the generator itself), most of what a small JSON response allocates.
     */
    public void write(Sink sink, Object value) throws IOException {
        sink.reset();
        JsonGenerator generator = sink.generator(this);
        try {
            mapper.writeValue(generator, value);
            generator.flush();
        } catch (IOException | RuntimeException | Error e) {
            // A generator left inside an unfinished value would write its next one wrongly.
            sink.dropGenerator();
            throw e;
        }
        if (!sink.keepsGenerator) {
            sink.dropGenerator();
        }
    }

    /**
     * Reads {@code json} as {@code type}.
     *
     * @throws BadRequestException for malformed JSON or a mismatch with the type
     * @throws PayloadTooLargeException for a document longer than the mapper's maximum length
     */
    public <T> T read(byte[] json, Type type) {
        long maxLength = limits.getMaxDocumentLength();
        if (maxLength > 0 && json.length > maxLength) {
            // Refused before Jackson sees a byte, whatever it checks for array input.
            throw documentTooLong();
        }
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        try {
            return mapper.readValue(json, javaType);
        } catch (StreamConstraintsException e) {
            throw limitExceeded(e);
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestException("Unknown field '" + e.getPropertyName() + "'" + at(e));
        } catch (JsonMappingException e) {
            // A string is measured when data binding asks for its text, so a broken limit can come wrapped.
            if (e.getCause() instanceof StreamConstraintsException limit) {
                throw limitExceeded(limit);
            }
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("/"));
            throw new BadRequestException(field.isEmpty()
                    ? "JSON body does not match the expected " + javaType.getRawClass().getSimpleName() + at(e)
                    : "Invalid value for field '" + field + "'" + at(e));
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Malformed JSON" + at(e));
        } catch (IOException e) {
            throw new BadRequestException("Unreadable JSON body");
        }
    }

    private HttpException limitExceeded(StreamConstraintsException e) {
        if (String.valueOf(e.getOriginalMessage()).contains("Document length")) {
            return documentTooLong();
        }
        return new BadRequestException(limitMessage(e) + at(e));
    }

    private PayloadTooLargeException documentTooLong() {
        return new PayloadTooLargeException("JSON body longer than " + limits.getMaxDocumentLength() + " bytes");
    }

    /** Jackson's constraint messages name its own classes; say what the client sent instead. */
    private String limitMessage(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return "JSON nested deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (m.contains("Number value length") || m.contains("Number length")) {
            return "JSON number longer than " + limits.getMaxNumberLength() + " characters";
        }
        if (m.contains("Name length") || m.contains("Name value length")) {
            return "JSON field name longer than " + limits.getMaxNameLength() + " characters";
        }
        if (m.contains("String value length") || m.contains("String length")) {
            return "JSON string longer than " + limits.getMaxStringLength() + " characters";
        }
        if (m.contains("Token count")) {
            return "JSON document has more than " + limits.getMaxTokenCount() + " tokens";
        }
        return "JSON body exceeds a parser limit";
    }

    private static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * A growable byte array output stream that is reused, with the generator that writes into it;
     * shrinks back after an outlier. One per connection's exchange, so one thread at a time.
     */
    public static final class Sink extends OutputStream {
        private static final int INITIAL = 1024;
        private static final int KEEP_AT_MOST = 256 * 1024;
        private byte[] buf = new byte[INITIAL];
        private int count;
        private JsonGenerator generator;
        /** The codec {@link #generator} belongs to (an application may bring its own mapper). */
        private JsonCodec owner;
        private boolean keepsGenerator;

        /**
         * The generator for {@code codec}, made on first use. It is kept between values only when
         * it writes nothing between root values: a pretty printer writes a separator there.
         */
        JsonGenerator generator(JsonCodec codec) throws IOException {
            if (generator == null || owner != codec) {
                dropGenerator();
                generator = codec.mapper.createGenerator(this);
                owner = codec;
                keepsGenerator = generator.getPrettyPrinter() == null;
                if (keepsGenerator) {
                    generator.setRootValueSeparator(null);
                }
            }
            return generator;
        }

        /** Closes the generator, which gives its buffers back to the codec's recycler pool. */
        void dropGenerator() {
            JsonGenerator g = generator;
            generator = null;
            owner = null;
            if (g != null) {
                try {
                    g.close();
                } catch (IOException | RuntimeException e) {
                    // It only wrote into this sink, which the next value clears.
                }
            }
        }

        public void reset() {
            if (buf.length > KEEP_AT_MOST) {
                buf = new byte[INITIAL];
            }
            count = 0;
        }

        public byte[] array() {
            return buf;
        }

        public int size() {
            return count;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        @Override
        public void close() {
            // A generator closes its target when it closes; the sink stays usable.
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }
}
