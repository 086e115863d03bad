package dev.aurora.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aurora.json.JsonReadException;
import dev.aurora.json.JsonReadException.Limit;
import dev.aurora.json.JsonReadException.Problem;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns Jackson 2's read failures into {@link JsonReadException}s that describe the document, not
 * Jackson's classes: the member as a JSON Pointer, what it must be, the line and column. Any thread.
 */
public final class JacksonFailures {
    private JacksonFailures() {
    }

    /** @return what {@code e}, thrown while reading a document under {@code limits}, says was wrong */
    public static JsonReadException of(IOException e, StreamReadConstraints limits) {
        if (e instanceof StreamConstraintsException limit) {
            return limitExceeded(limit, limits);
        }
        if (!(e instanceof JsonProcessingException failure)) {
            return new JsonReadException(Problem.MALFORMED, "Unreadable JSON body", "", -1, -1);
        }
        long line = line(failure);
        long column = line < 0 ? -1 : failure.getLocation().getColumnNr();
        if (!(e instanceof JsonMappingException mapping)) {
            return new JsonReadException(Problem.MALFORMED, "Malformed JSON", "", line, column);
        }
        // A string is measured when data binding asks for its text, so a broken limit can come wrapped.
        if (mapping.getCause() instanceof StreamConstraintsException limit) {
            return limitExceeded(limit, limits);
        }
        String pointer = pointer(mapping);
        if (mapping instanceof UnrecognizedPropertyException) {
            return new JsonReadException(Problem.UNKNOWN_FIELD, "is not a known field", pointer, line, column);
        }
        if (mapping instanceof ValueInstantiationException && mapping.getCause() instanceof IllegalArgumentException refused
                && refused.getMessage() != null) {
            // A compact constructor's own check: its message is written for the caller.
            return new JsonReadException(Problem.INVALID_VALUE, refused.getMessage(), pointer, line, column);
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return new JsonReadException(Problem.MALFORMED, "Content after the JSON value", "", line, column);
            }
            if (original.startsWith("No content to map")) {
                return new JsonReadException(Problem.MALFORMED, "Empty JSON body", "", line, column);
            }
            Type target = mismatch.getTargetType();
            if (target != null) {
                return JsonReadException.wrongType(pointer, target, line, column);
            }
        }
        return new JsonReadException(Problem.WRONG_TYPE, "has a value the field cannot take", pointer, line, column);
    }

    /** @return the {@link Problem#TOO_LONG} refusal for a document over the maximum length */
    public static JsonReadException tooLong(StreamReadConstraints limits) {
        return JsonReadException.tooLong(limits.getMaxDocumentLength());
    }

    private static JsonReadException limitExceeded(StreamConstraintsException e, StreamReadConstraints limits) {
        // Jackson's constraint messages name its own classes; say what the client sent instead.
        String m = String.valueOf(e.getOriginalMessage());
        long line = line(e);
        long column = line < 0 ? -1 : e.getLocation().getColumnNr();
        if (m.contains("Document length")) {
            return tooLong(limits);
        } else if (m.contains("nesting depth")) {
            return JsonReadException.limit(Limit.NESTING_DEPTH, limits.getMaxNestingDepth(), line, column);
        } else if (m.contains("Number value length") || m.contains("Number length")) {
            return JsonReadException.limit(Limit.NUMBER_LENGTH, limits.getMaxNumberLength(), line, column);
        } else if (m.contains("Name length") || m.contains("Name value length")) {
            return JsonReadException.limit(Limit.NAME_LENGTH, limits.getMaxNameLength(), line, column);
        } else if (m.contains("String value length") || m.contains("String length")) {
            return JsonReadException.limit(Limit.STRING_LENGTH, limits.getMaxStringLength(), line, column);
        } else if (m.contains("Token count")) {
            return JsonReadException.limit(Limit.TOKEN_COUNT, limits.getMaxTokenCount(), line, column);
        }
        return new JsonReadException(Problem.LIMIT, "JSON body exceeds a parser limit", "", line, column);
    }

    private static String pointer(JsonMappingException e) {
        String pointer = "";
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer = JsonReadException.pointer(pointer,
                    r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return pointer;
    }

    private static long line(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? -1 : location.getLineNr();
    }
}
