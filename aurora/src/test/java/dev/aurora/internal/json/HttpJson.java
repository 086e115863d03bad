package dev.aurora.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.JsonConfig;
import dev.aurora.json.JacksonCodec;
import java.lang.reflect.Type;

/** A Jackson codec read the way a request body is: failures become the HTTP exceptions the client gets. */
public record HttpJson(JacksonCodec codec) {
    public static HttpJson of(JsonConfig config) {
        return new HttpJson(JacksonCodec.of(config));
    }

    public static HttpJson defaults() {
        return new HttpJson(JacksonCodec.defaults());
    }

    public static HttpJson wrap(ObjectMapper mapper) {
        return new HttpJson(JacksonCodec.wrap(mapper));
    }

    public <T> T read(byte[] json, Type type) {
        return JsonBody.read(codec, json, type, false);
    }

    public <T> T readStrict(byte[] json, Type type) {
        return JsonBody.read(codec, json, type, true);
    }
}
