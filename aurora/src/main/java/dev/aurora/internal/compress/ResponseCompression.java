package dev.aurora.internal.compress;

import dev.aurora.Context;
import dev.aurora.internal.http.EncodingBodyStream;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.RequestView;
import dev.aurora.internal.http.ResponseEncoding;
import dev.aurora.internal.http.ResponseHead;
import dev.aurora.internal.http.ResponseHeaders;
import dev.aurora.internal.mem.ObjectPool;
import dev.aurora.internal.server.ExchangeAccess;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The server side of {@code Compression}: which responses may be compressed, in which coding, and
 * the pool of {@link Compressor}s they borrow. {@link #use} reads the request's
 * {@code Accept-Encoding} from its bytes and puts the {@link ResponseEncoding} for the preferred
 * coding on the request; the response writer consults it as the response commits, since only then
 * are status, type and length known.
 *
 * <p>A response that could have been compressed gets {@code Vary: Accept-Encoding} whatever was
 * chosen; a compressed one gets {@code Content-Encoding}, loses its {@code Content-Length} and has
 * a strong {@code ETag} weakened. A {@code 304} is judged as the {@code 200} it revalidates, by
 * the type and length that one would have had, so both carry the same {@code Vary} and
 * {@code ETag}.
 *
 * <p>Compressors go back to the pool when their response ends; the pool keeps at most
 * {@code retained} idle ones and ends the native memory of any beyond that.
 *
 * <p>Immutable apart from the pool; any thread.
 */
public final class ResponseCompression {
    /**
     * Types never compressed whatever the allow-list says: compressed already (so deflate would
     * only cost CPU), or event streams, which are flushed per event and must not wait on a deflater.
     */
    private static final List<String> NEVER = List.of("image/", "video/", "audio/", "font/woff", "font/woff2",
            "application/zip", "application/gzip", "application/x-gzip", "application/zstd", "application/x-bzip2",
            "application/x-7z-compressed", "application/x-rar-compressed",
            "text/event-stream");
    private static final String SVG = "image/svg+xml";

    private final int minSize;
    /** Lower-case allowed types; an entry ending in {@code /} allows every subtype. */
    private final List<String> types;
    private final ObjectPool<Compressor> pool;
    /** {@link #pool}'s release, made once rather than per response. */
    private final Consumer<Compressor> giveBack;
    /** One encoding per outcome of negotiation, made once: choosing one per request allocates nothing. */
    private final ResponseEncoding identity = new Coding(AcceptEncoding.IDENTITY);
    private final ResponseEncoding gzip = new Coding(AcceptEncoding.GZIP);
    private final ResponseEncoding deflate = new Coding(AcceptEncoding.DEFLATE);

    /**
     * @param types media types such as {@code application/json}, or {@code text/*} for a whole
     *     top-level type
     * @param level the deflate level, 1 (fastest) to 9 (smallest)
     * @param retained how many idle compressors the pool keeps
     */
    public ResponseCompression(int minSize, List<String> types, int level, int retained) {
        this(minSize, types, new ObjectPool<>(() -> new Compressor(level), Compressor::reset, Compressor::end, retained));
    }

    /** With a pool of the caller's, whose statistics show every compressor come back. */
    ResponseCompression(int minSize, List<String> types, ObjectPool<Compressor> pool) {
        this.minSize = minSize;
        this.types = types.stream().map(t -> t.endsWith("/*") ? t.substring(0, t.length() - 1) : t)
                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.pool = pool;
        this.giveBack = pool::release;
    }

    /**
     * Lets the response of {@code ctx} be compressed in the coding its request's
     * {@code Accept-Encoding} prefers (or, when none, at least marked {@code Vary: Accept-Encoding}).
     *
     * @throws IllegalStateException if {@code ctx} is not a context of an Aurora server
     */
    public void use(Context ctx) {
        RequestView request = ExchangeAccess.request(ctx, "Compression");
        ExchangeAccess.encoding(ctx, switch (preferred(request)) {
            case AcceptEncoding.GZIP -> gzip;
            case AcceptEncoding.DEFLATE -> deflate;
            default -> identity;
        });
    }

    /** The coding the request's {@code Accept-Encoding} prefers; none for a {@code Range} request. */
    private static int preferred(RequestView request) {
        if (request.find("Range", 0) >= 0) {
            return AcceptEncoding.IDENTITY;
        }
        int field = request.find("Accept-Encoding", 0);
        if (field < 0) {
            return AcceptEncoding.IDENTITY;
        }
        long weights = AcceptEncoding.NOTHING_LISTED;
        for (; field >= 0; field = request.find("Accept-Encoding", field + 1)) {
            weights = AcceptEncoding.parse(weights, request.bytes(), request.valueStart(field), request.valueEnd(field));
        }
        return AcceptEncoding.choose(weights);
    }

    /** Whether a response of this {@code Content-Type} value (parameters allowed) may be compressed. */
    boolean typeAllowed(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        end = end < 0 ? contentType.length() : end;
        while (end > 0 && contentType.charAt(end - 1) == ' ') {
            end--;
        }
        if (!matches(contentType, end, SVG)) {
            for (String never : NEVER) {
                if (matches(contentType, end, never)) {
                    return false;
                }
            }
        }
        for (String type : types) {
            if (matches(contentType, end, type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value[0, end)} is {@code type}, or lies under it if it ends in {@code /}. */
    private static boolean matches(String value, int end, String type) {
        boolean prefix = type.endsWith("/");
        return (prefix ? end > type.length() : end == type.length()) && value.regionMatches(true, 0, type, 0, type.length());
    }

    /** The negotiation's outcome for one coding, consulted as each response commits. */
    private final class Coding implements ResponseEncoding {
        private final int coding;

        Coding(int coding) {
            this.coding = coding;
        }

        @Override
        public EncodingBodyStream open(ResponseHead head, String contentType, long length, boolean bodySent,
                EncodingBodyStream reusable, OutputBuffer out) {
            ResponseHeaders fields = head.fields();
            if (head.status() == 206 || !typeAllowed(contentType) || fields.contains("Content-Encoding")
                    || fields.contains("Content-Range")) {
                return null;
            }
            if (!variesByEncoding(fields)) {
                fields.add("Vary", "Accept-Encoding");
            }
            if (coding == AcceptEncoding.IDENTITY || (length >= 0 && length < minSize)) {
                return null;
            }
            if (!bodySent) {
                if (head.status() == 304) {
                    // The 200 it stands for would be compressed: its 304 must name the same validator.
                    weakenETag(fields);
                }
                return null;
            }
            fields.add("Content-Encoding", AcceptEncoding.token(coding));
            weakenETag(fields);
            DeflatingBodyOutputStream stream = reusable instanceof DeflatingBodyOutputStream d ? d
                    : new DeflatingBodyOutputStream(out);
            return stream.start(pool.acquire(), giveBack, coding);
        }
    }

    /** Whether the handler's own {@code Vary} already names {@code Accept-Encoding}, or is {@code *}. */
    private static boolean variesByEncoding(ResponseHeaders fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.name(i).equalsIgnoreCase("Vary")) {
                String v = fields.value(i);
                for (int at = 0; at < v.length(); at++) {
                    if (v.charAt(at) == '*' || v.regionMatches(true, at, "Accept-Encoding", 0, 15)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A strong {@code ETag} promises identical bytes, which the compressed variant does not have: a
     * client that combined ranges by it ({@code If-Range}) would splice identity bytes into gzip
     * bytes. Weak, it still serves {@code If-None-Match}.
     */
    private static void weakenETag(ResponseHeaders fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.name(i).equalsIgnoreCase("ETag") && !fields.value(i).startsWith("W/")) {
                fields.value(i, "W/" + fields.value(i));
            }
        }
    }
}
