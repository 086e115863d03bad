package dev.aurora.internal.json;

import dev.aurora.json.JsonCodec;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * An application's JSON as the server uses it: its codec, and whether plain body reads refuse
 * coercions. Any thread.
 *
 * @param codec the application's codec
 * @param strictTypes whether {@code ctx.bodyAs} reads as {@link JsonCodec#readStrict}
 */
public record AppJson(JsonCodec codec, boolean strictTypes) {
    /**
     * Reads a request body: refuses a non-JSON {@code Content-Type}, then reads and validates.
     *
     * @param strict true to refuse coercions whatever {@link #strictTypes} says
     */
    public <T> T readBody(byte[] body, Type type, String contentType, String method, boolean strict) {
        JsonBody.requireJson(contentType, method);
        return BodyValidation.validated(JsonBody.read(codec, body, type, strict || strictTypes));
    }

    /** Writes {@code value} into {@code sink}, which is cleared first. */
    public void write(JsonSink sink, Object value) throws IOException {
        sink.reset();
        codec.write(value, sink);
    }
}
