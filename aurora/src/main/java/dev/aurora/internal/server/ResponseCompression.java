package dev.aurora.internal.server;

import dev.aurora.Context;
import dev.aurora.internal.http.Compressor;
import dev.aurora.internal.mem.ObjectPool;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The server side of {@code Compression}: which responses may be compressed, and the pool of
 * {@link Compressor}s they borrow. The middleware hands this policy to each request's exchange
 * ({@link #use}), which negotiates the coding from the request's bytes; the exchange asks {@link #typeAllowed} and
 * {@link #minSize()} when the response commits, since only then are status, type and length known.
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
    final Consumer<Compressor> giveBack;

    /**
     * @param types media types such as {@code application/json}, or {@code text/*} for a whole
     *     top-level type
     */
    public ResponseCompression(int minSize, List<String> types, int level, int retained) {
        this.minSize = minSize;
        this.types = types.stream().map(t -> t.endsWith("/*") ? t.substring(0, t.length() - 1) : t)
                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.pool = new ObjectPool<>(() -> new Compressor(level), Compressor::reset, Compressor::end, retained);
        this.giveBack = pool::release;
    }

    /**
     * Lets the response of {@code ctx} be compressed in the coding its request's
     * {@code Accept-Encoding} prefers (or, when none, at least marked {@code Vary: Accept-Encoding}).
     *
     * @throws IllegalStateException if {@code ctx} is not a context of an Aurora server
     */
    public void use(Context ctx) {
        ExchangeAccess.exchange(ctx, "Compression").compression(this);
    }

    /** Bodies of a known length below this are sent as they are. */
    int minSize() {
        return minSize;
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

    Compressor acquire() {
        return pool.acquire();
    }

    /** Compressors out on loan to responses now (for tests: 0 once every response has ended). */
    public long outstanding() {
        return pool.stats().outstanding();
    }

    /** Compressors made and not yet ended: on loan plus idle in the pool. */
    public long alive() {
        ObjectPool.Stats s = pool.stats();
        return s.misses() - s.drops();
    }
}
