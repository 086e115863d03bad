package dev.aurora.internal.json;

import dev.aurora.error.BadRequestException;
import dev.aurora.error.HttpException;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.error.UnsupportedMediaTypeException;
import dev.aurora.json.JsonCodec;
import dev.aurora.json.JsonReadException;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP around reading a JSON request body through the application's {@link JsonCodec}: the
 * {@code Content-Type} check ({@code 415}), the empty body, and the answer each {@link
 * JsonReadException} calls for. Any thread.
 */
public final class JsonBody {
    static final String MEDIA_TYPE = "application/json";

    private JsonBody() {
    }

    /**
     * Refuses a body announced as something other than JSON: {@code application/json} and any
     * {@code +json} type ({@code application/merge-patch+json}) are JSON. A body with no {@code
     * Content-Type} is read as JSON, as scripts and older clients send it.
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @param method the request method, to name {@code Accept-Post} or {@code Accept-Patch}
     * @throws UnsupportedMediaTypeException ({@code 415}) otherwise
     */
    public static void requireJson(String contentType, String method) {
        if (contentType == null) {
            return;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        boolean json = slash > 0 && (type.equals(MEDIA_TYPE) || type.endsWith("+json"));
        if (!json) {
            throw UnsupportedMediaTypeException.expected(method, type.isEmpty() ? null : type, "a JSON body",
                    MEDIA_TYPE);
        }
    }

    /**
     * Reads {@code body} as {@code type}.
     *
     * @param strict whether coercions are refused ({@link JsonCodec#readStrict})
     * @throws BadRequestException ({@code 400}) for an empty or malformed body or a broken limit
     * @throws ValidationException ({@code 400} with {@code errors}) for a member of the wrong type,
     *     an unknown member, or a value the target refused
     * @throws PayloadTooLargeException ({@code 413}) for a document over the codec's maximum length
     */
    public static <T> T read(JsonCodec codec, byte[] body, Type type, boolean strict) {
        if (blank(body)) {
            throw new BadRequestException("Empty JSON body");
        }
        try {
            return strict ? codec.readStrict(body, type) : codec.read(body, type);
        } catch (JsonReadException e) {
            throw http(e);
        }
    }

    /** @return the response {@code e} calls for */
    public static HttpException http(JsonReadException e) {
        return switch (e.problem()) {
            case TOO_LONG -> new PayloadTooLargeException(e.getMessage());
            case MALFORMED, LIMIT -> new BadRequestException(e.getMessage() + at(e));
            case WRONG_TYPE -> violation(e, "type");
            case UNKNOWN_FIELD -> violation(e, "unknown");
            case INVALID_VALUE -> violation(e, "invalid");
        };
    }

    private static ValidationException violation(JsonReadException e, String code) {
        return new ValidationException(List.of(new Violation(e.pointer(), code, e.getMessage())));
    }

    private static String at(JsonReadException e) {
        return e.line() < 0 ? "" : " at line " + e.line() + ", column " + e.column();
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
