package dev.aurora.internal.conditional;

import dev.aurora.internal.http.DateHeader;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a request's preconditions against the current validators of the selected
 * representation, in the order of RFC 9110 section 13.2.2:
 * <ol>
 *   <li>{@code If-Match} (strong comparison; {@code *} matches, the representation exists):
 *       false is {@code 412};</li>
 *   <li>else {@code If-Unmodified-Since}: modified after that date is {@code 412};</li>
 *   <li>{@code If-None-Match} (weak comparison): a match is {@code 304} for GET and HEAD,
 *       {@code 412} for any other method;</li>
 *   <li>else, for GET and HEAD only, {@code If-Modified-Since}: not modified since is
 *       {@code 304}.</li>
 * </ol>
 * {@code If-Range} is evaluated apart ({@link #rangeApplies}), only for a request with a
 * {@code Range}.
 *
 * <p>What the RFC says to ignore is ignored: a date field that is not one valid HTTP-date, or
 * comes in more than one field line (section 13.1.3, 13.1.4); a date field when the
 * representation has no modification date; every precondition on CONNECT, OPTIONS and TRACE
 * (section 13.2.1). A malformed entity-tag list matches nothing: {@code If-Match} then fails, so
 * a garbled precondition cannot let an update through, and {@code If-None-Match} then lets the
 * request proceed to a full response.
 *
 * <p>Pure: the request's fields come through a lookup, the validators as arguments. Stateless;
 * any thread.
 */
public final class Preconditions {
    /** The modification second of a representation that has none. */
    public static final long NO_DATE = Long.MIN_VALUE;

    /** The result of {@link #evaluate}. */
    public enum Outcome {
        /** Every precondition holds, or none was sent: perform the method. */
        PROCEED,
        /** {@code 304 Not Modified}. */
        NOT_MODIFIED,
        /** {@code 412}: {@code If-Match} did not match. */
        IF_MATCH_FAILED,
        /** {@code 412}: modified after {@code If-Unmodified-Since}. */
        IF_UNMODIFIED_SINCE_FAILED,
        /** {@code 412}: {@code If-None-Match} matched on a method other than GET or HEAD. */
        IF_NONE_MATCH_FAILED
    }

    private Preconditions() {
    }

    /**
     * Evaluates the preconditions of one request, in the order of the class comment.
     *
     * @param method the request method
     * @param fields every value of a request field by name, empty when absent ({@code Context::headers})
     * @param etag the current entity-tag, or null for none
     * @param modifiedSecond the last modification in epoch seconds, or {@link #NO_DATE}
     * @param weakenedByServer whether the server weakens strong tags on the way out (see
     *     {@link EntityTags#match}), so {@code If-Match} also takes their weak form
     * @return what to answer
     */
    public static Outcome evaluate(String method, Function<String, List<String>> fields, String etag,
            long modifiedSecond, boolean weakenedByServer) {
        if (method.equals("CONNECT") || method.equals("OPTIONS") || method.equals("TRACE")) {
            return Outcome.PROCEED;
        }
        List<String> ifMatch = fields.apply("If-Match");
        if (!ifMatch.isEmpty()) {
            if (EntityTags.match(ifMatch, etag, true, weakenedByServer) != EntityTags.Match.MATCH) {
                return Outcome.IF_MATCH_FAILED;
            }
        } else {
            long since = date(fields.apply("If-Unmodified-Since"));
            if (since != NO_DATE && modifiedSecond != NO_DATE && modifiedSecond > since) {
                return Outcome.IF_UNMODIFIED_SINCE_FAILED;
            }
        }
        boolean read = returnsRepresentation(method);
        List<String> ifNoneMatch = fields.apply("If-None-Match");
        if (!ifNoneMatch.isEmpty()) {
            if (EntityTags.match(ifNoneMatch, etag, false, false) == EntityTags.Match.MATCH) {
                return read ? Outcome.NOT_MODIFIED : Outcome.IF_NONE_MATCH_FAILED;
            }
        } else if (read) {
            long since = date(fields.apply("If-Modified-Since"));
            if (since != NO_DATE && modifiedSecond != NO_DATE && modifiedSecond <= since) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * @param method a request method
     * @return whether it reads the current representation (GET, HEAD): a {@code 304} answers it,
     *     and its response carries the validators
     */
    public static boolean returnsRepresentation(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /**
     * {@code If-Range} (RFC 9110 section 13.1.5): whether a {@code Range} is honoured. An
     * entity-tag must be strong and equal the current one (strong comparison); a date must equal
     * the modification date exactly. Anything else, a weak tag or an invalid date included, sends
     * the whole representation.
     *
     * @param ifRange the field's values; empty when absent, which honours the range
     * @param etag the current entity-tag, or null
     * @param modifiedSecond the last modification in epoch seconds, or {@link #NO_DATE}
     * @return whether to send the range rather than the whole representation
     */
    public static boolean rangeApplies(List<String> ifRange, String etag, long modifiedSecond) {
        if (ifRange.isEmpty()) {
            return true;
        }
        if (ifRange.size() > 1) {
            return false;
        }
        String value = ifRange.get(0).strip();
        if (value.startsWith("\"") || EntityTags.weak(value)) {
            return etag != null && EntityTags.valid(value) && !EntityTags.weak(value) && value.equals(etag)
                    && !EntityTags.weak(etag);
        }
        long date = date(ifRange);
        return date != NO_DATE && date == modifiedSecond;
    }

    /**
     * The one valid HTTP-date of a field, or {@link #NO_DATE} when it is absent, repeated or
     * invalid. Dates before 1970 count as invalid: no validator of this server is that old.
     */
    private static long date(List<String> values) {
        if (values.size() != 1) {
            return NO_DATE;
        }
        long second = DateHeader.parseHttpDate(values.get(0));
        return second < 0 ? NO_DATE : second;
    }
}
