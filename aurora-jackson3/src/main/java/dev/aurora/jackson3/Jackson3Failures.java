package dev.aurora.jackson3;

import dev.aurora.json.JsonReadException;
import dev.aurora.json.JsonReadException.Limit;
import dev.aurora.json.JsonReadException.Problem;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Jackson 3's read failures as {@link JsonReadException}s that describe the document. Any thread. */
final class Jackson3Failures {
    private Jackson3Failures() {
    }

    static JsonReadException of(JacksonException e, StreamReadConstraints limits) {
        if (e instanceof StreamConstraintsException limit) {
            return limitExceeded(limit, limits);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return limitExceeded(limit, limits);
        }
        long line = line(e);
        long column = line < 0 ? -1 : e.getLocation().getColumnNr();
        if (!(e instanceof DatabindException)) {
            return new JsonReadException(Problem.MALFORMED, "Malformed JSON", "", line, column);
        }
        String pointer = pointer(e);
        if (e instanceof UnrecognizedPropertyException) {
            return new JsonReadException(Problem.UNKNOWN_FIELD, "is not a known field", pointer, line, column);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refused
                && refused.getMessage() != null) {
            return new JsonReadException(Problem.INVALID_VALUE, refused.getMessage(), pointer, line, column);
        }
        if (e instanceof MismatchedInputException mismatch) {
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

    private static JsonReadException limitExceeded(StreamConstraintsException e, StreamReadConstraints limits) {
        String m = String.valueOf(e.getOriginalMessage());
        long line = line(e);
        long column = line < 0 ? -1 : e.getLocation().getColumnNr();
        if (m.contains("Document length")) {
            return JsonReadException.tooLong(limits.getMaxDocumentLength());
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

    private static String pointer(JacksonException e) {
        String pointer = "";
        for (JacksonException.Reference r : e.getPath()) {
            pointer = JsonReadException.pointer(pointer,
                    r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()));
        }
        return pointer;
    }

    private static long line(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? -1 : location.getLineNr();
    }
}
