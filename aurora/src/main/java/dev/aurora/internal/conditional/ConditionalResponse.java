package dev.aurora.internal.conditional;

import dev.aurora.Context;
import dev.aurora.error.PreconditionFailedException;
import dev.aurora.internal.conditional.Preconditions.Outcome;
import dev.aurora.internal.http.DateHeader;
import dev.aurora.internal.server.ExchangeAccess;
import java.time.Instant;

/**
 * Answers a conditional request on any {@link Context}, for {@code ctx.conditional(...)} and for
 * static files alike: evaluates its {@link Preconditions}, then either throws the {@code 412},
 * sends the {@code 304}, or (for GET and HEAD) sets the validators on the response the handler
 * goes on to send.
 *
 * <p>Stateless; runs on the thread of the request it answers.
 */
public final class ConditionalResponse {
    private ConditionalResponse() {
    }

    /**
     * Checks the syntax of an entity-tag (RFC 9110 section 8.8.3).
     *
     * @param tag a candidate, quotes included
     * @return whether it is one entity-tag, such as {@code "v3"} or {@code W/"v3"}
     */
    public static boolean isEntityTag(String tag) {
        return EntityTags.valid(tag);
    }

    /**
     * {@code ctx.conditional(etag, lastModified)}.
     *
     * @param ctx the request to answer
     * @param etag the current entity-tag, or null
     * @param lastModified the last modification, or null
     * @return whether the response was sent ({@code 304})
     */
    public static boolean answer(Context ctx, String etag, Instant lastModified) {
        return answer(ctx, etag, lastModified == null ? Preconditions.NO_DATE : lastModified.getEpochSecond(), -1);
    }

    /**
     * Evaluates the preconditions of {@code ctx}'s request and answers or prepares its response.
     *
     * @param ctx the request to answer
     * @param etag the current entity-tag, or null
     * @param modifiedSecond the last modification in epoch seconds, or {@link Preconditions#NO_DATE}
     * @param length the content length a {@code 200} would have, or -1 when unknown: declared on a
     *     {@code 304} (which never sends it) so {@code Compression} marks the {@code 304} as it would
     *     the {@code 200}
     * @return whether the response was sent ({@code 304})
     * @throws PreconditionFailedException ({@code 412}) when a precondition fails
     * @throws IllegalArgumentException when {@code etag} is not an entity-tag
     */
    public static boolean answer(Context ctx, String etag, long modifiedSecond, long length) {
        if (etag != null && !isEntityTag(etag)) {
            throw new IllegalArgumentException("Not an entity-tag (quoted, e.g. \"v3\" or W/\"v3\"; see ETag): " + etag);
        }
        long modified = modifiedSecond;
        if (modified != Preconditions.NO_DATE) {
            // RFC 9110 section 8.8.2.1: a modification "in the future" is stated as now.
            modified = Math.min(modified, System.currentTimeMillis() / 1000);
        }
        Outcome outcome = Preconditions.evaluate(ctx.method(), ctx::headers, etag, modified,
                ExchangeAccess.encodingOffered(ctx));
        switch (outcome) {
            case IF_MATCH_FAILED -> throw new PreconditionFailedException("If-Match does not match the current representation");
            case IF_UNMODIFIED_SINCE_FAILED -> throw new PreconditionFailedException("The resource was modified after If-Unmodified-Since");
            case IF_NONE_MATCH_FAILED -> throw new PreconditionFailedException("If-None-Match matches the current representation");
            case PROCEED, NOT_MODIFIED -> {
            }
        }
        if (outcome == Outcome.PROCEED && !Preconditions.returnsRepresentation(ctx.method())) {
            // The validators describe the state a write is about to change: stale on its response.
            return false;
        }
        if (etag != null) {
            ctx.setHeader("ETag", etag);
        }
        if (modified != Preconditions.NO_DATE) {
            ctx.setHeader("Last-Modified", DateHeader.httpDate(modified));
        }
        if (outcome == Outcome.PROCEED) {
            return false;
        }
        if (length >= 0) {
            ctx.header("Content-Length", Long.toString(length));
        }
        ctx.status(304).send(new byte[0]);
        return true;
    }
}
