package dev.aurora.json;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * How an application turns JSON into values and back: {@code ctx.bodyAs(...)}, controller
 * {@code @Body} parameters and {@code Validated.body(...)} read through it, {@code ctx.json(...)},
 * problem responses and the test client write and read through it. Set one with {@code
 * Aurora.json(JsonCodec)}; without one, Aurora uses {@link JacksonCodec}.
 *
 * <p>Aurora does the HTTP around the codec: it refuses a body whose {@code Content-Type} is not JSON
 * ({@code 415}) and an empty body before the codec sees it, turns a {@link JsonReadException}
 * into the response its {@link JsonReadException.Problem} calls for, and validates the value the
 * codec returns against its schema annotations. A codec only reads and writes.
 *
 * <p>Implementations are thread-safe: one instance serves every request at once.
 */
public interface JsonCodec {
    /**
     * Reads one JSON document as {@code type}, converting where the JSON type and the target differ
     * in the usual ways of the library (a number in a string for an {@code int}, say).
     *
     * @param json the whole document, UTF-8 (or UTF-16/32 with a byte order mark)
     * @param type the target: a class, or a parameterized type such as {@code List<Book>}
     * @param <T> the target type
     * @return the value; null only for the JSON literal {@code null}
     * @throws JsonReadException for anything the document does that the target does not allow
     */
    <T> T read(byte[] json, Type type);

    /**
     * As {@link #read}, but refusing every coercion: a JSON number for a {@code String}, a string
     * for a number or boolean, a fraction for an integer ({@code 1.5} and {@code 1.0} alike), a
     * {@code null} for a primitive, a number for an enum. {@code Validated.body} reads this way.
     *
     * @param json the whole document
     * @param type the target
     * @param <T> the target type
     * @return the value
     * @throws JsonReadException with {@link JsonReadException.Problem#WRONG_TYPE} for a coercion it
     *     refused, and as {@link #read} otherwise
     */
    <T> T readStrict(byte[] json, Type type);

    /**
     * Writes {@code value} as one JSON document. Aurora passes a stream of its own that it reuses
     * per connection; the codec must not close it or keep it after returning.
     *
     * @param value any value the library can serialize, including maps, lists and records
     * @param out where the document goes
     * @throws IOException if the value cannot be serialized or {@code out} fails
     */
    void write(Object value, OutputStream out) throws IOException;
}
