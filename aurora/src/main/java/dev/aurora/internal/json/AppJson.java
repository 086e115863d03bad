package dev.aurora.internal.json;

import dev.aurora.json.JsonCodec;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An application's JSON as the server uses it: its codec, and whether plain body reads refuse
 * coercions. The codec is resolved on first use, so an application whose routes never read or
 * write JSON never loads a JSON library (start-up of a command-line tool). Any thread.
 */
public final class AppJson {
    private final Supplier<JsonCodec> resolver;
    private final boolean strictTypes;
    private volatile JsonCodec codec;

    /**
     * @param resolver gives the application's codec on first use; called at most a few times
     *     (concurrent first uses may each call it), so it must return an equivalent codec each time
     * @param strictTypes whether {@code ctx.bodyAs} reads as {@link JsonCodec#readStrict}
     */
    public AppJson(Supplier<JsonCodec> resolver, boolean strictTypes) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.strictTypes = strictTypes;
    }

    /** An application JSON with a codec known already (tests, and apps that set one). */
    public AppJson(JsonCodec codec, boolean strictTypes) {
        this(() -> codec, strictTypes);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** @return the codec, resolved on the first call */
    public JsonCodec codec() {
        JsonCodec c = codec;
        if (c == null) {
            c = Objects.requireNonNull(resolver.get(), "resolved codec");
            codec = c;
        }
        return c;
    }

    /** @return whether plain body reads refuse coercions */
    public boolean strictTypes() {
        return strictTypes;
    }

    /**
     * Reads a request body: refuses a non-JSON {@code Content-Type}, then reads and validates.
     *
     * @param strict true to refuse coercions whatever {@link #strictTypes} says
     */
    public <T> T readBody(byte[] body, Type type, String contentType, String method, boolean strict) {
        JsonBody.requireJson(contentType, method);
        return BodyValidation.validated(JsonBody.read(codec(), body, type, strict || strictTypes));
    }

    /** Writes {@code value} into {@code sink}, which is cleared first. */
    public void write(JsonSink sink, Object value) throws IOException {
        sink.reset();
        codec().write(value, sink);
    }
}
