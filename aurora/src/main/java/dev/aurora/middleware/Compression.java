package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.compress.ResponseCompression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compresses responses with {@code gzip} or {@code deflate}, whichever the client's
 * {@code Accept-Encoding} prefers (RFC 9110 12.5.3: {@code q} weights, {@code q=0} refuses,
 * {@code *}, {@code identity}; gzip on a tie; nothing when only identity is acceptable).
 *
 * <pre>{@code
 * app.use(Compression.defaults());
 * app.use(Compression.builder().minSize(512).types("text/*", "application/json").level(4).build());
 * }</pre>
 *
 * <p>The decision is made when the response commits, so the handler's status, type and length
 * count. A response is compressed only if all of these hold:
 * <ul>
 *   <li>its {@code Content-Type} is on the allow-list (defaults: {@link #DEFAULT_TYPES}) and is not
 *       compressed already: images other than SVG, audio, video, fonts in WOFF/WOFF2, archives
 *       such as zip and gzip never are, nor {@code text/event-stream};</li>
 *   <li>it has no {@code Content-Encoding} or {@code Content-Range} of its own, its status is not
 *       {@code 206}, {@code 204}, {@code 205} or {@code 304}, the request is not {@code HEAD} and
 *       had no {@code Range};</li>
 *   <li>its length is unknown (a stream) or at least {@link Builder#minSize} bytes.</li>
 * </ul>
 * Every response of an allowed type (other than {@code 206} and self-encoded ones) carries
 * {@code Vary: Accept-Encoding}, compressed or not, so shared caches keep the variants apart.
 * A strong {@code ETag} on a compressed response becomes weak, since the bytes differ. A
 * {@code 304} gets the {@code Vary} and {@code ETag} its {@code 200} would have had, judged by
 * the {@code Content-Type} (and {@code Content-Length}) set before it was sent; the writer then
 * leaves the type out of the {@code 304}. {@code ctx.conditional(...)} under compression also
 * accepts the weakened form of its strong tag in {@code If-Match}, since that is the tag the
 * client was given.
 *
 * <p>Nothing is buffered whole: {@code ctx.outputStream()} bodies are compressed as they are
 * written and sent chunked ({@code flush()} pushes out what was written so far);
 * {@code send(...)} and {@code json(...)} bodies that compress into 16 KiB keep a
 * {@code Content-Length}, larger ones are streamed the same way. Deflaters are pooled: a response
 * borrows one when it commits and returns it when it ends (also when the client goes away); the
 * pool keeps a bounded number idle and frees the native memory of any beyond that.
 *
 * <p>Immutable; one instance, and so one pool, serves every connection.
 */
public final class Compression implements Middleware {
    /** The allow-list of {@link #defaults()}: text, and the structured text formats of the web. */
    public static final List<String> DEFAULT_TYPES = List.of("text/*", "application/json", "application/javascript",
            "application/xml", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
            "application/problem+json", "application/ld+json", "application/x-ndjson", "application/wasm",
            "image/svg+xml");
    /** Bodies of a known length below this many bytes are sent as they are, by default. */
    public static final int DEFAULT_MIN_SIZE = 1024;
    /** The deflate level by default: zlib's own default, a balance of speed and size. */
    public static final int DEFAULT_LEVEL = 6;

    private final ResponseCompression policy;

    private Compression(Builder b) {
        this.policy = new ResponseCompression(b.minSize, b.types, b.level, b.pooled);
    }

    /** {@return compression with every default: {@link #DEFAULT_TYPES}, {@link #DEFAULT_MIN_SIZE}, {@link #DEFAULT_LEVEL}} */
    public static Compression defaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        policy.use(ctx);
        next.handle(ctx);
    }

    /** Configures a {@link Compression}; not thread-safe. */
    public static final class Builder {
        private int minSize = DEFAULT_MIN_SIZE;
        private List<String> types = DEFAULT_TYPES;
        private int level = DEFAULT_LEVEL;
        private int pooled = 2 * Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Sets the smallest body that is compressed.
         *
         * @param bytes bodies of a known length below this are sent uncompressed ({@code >= 0})
         * @return this builder
         */
        public Builder minSize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("minSize must be >= 0: " + bytes);
            }
            this.minSize = bytes;
            return this;
        }

        /**
         * Replaces the allow-list.
         *
         * @param mediaTypes types such as {@code application/json}, or {@code text/*} for every
         *     subtype; already-compressed types stay excluded even if listed
         * @return this builder
         */
        public Builder types(String... mediaTypes) {
            List<String> list = new ArrayList<>(mediaTypes.length);
            for (String t : mediaTypes) {
                String type = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
                int slash = type.indexOf('/');
                if (slash <= 0 || slash == type.length() - 1 || type.indexOf(';') >= 0
                        || (type.indexOf('*') >= 0 && !type.endsWith("/*")) || type.startsWith("*")) {
                    throw new IllegalArgumentException("not a media type or type/*: " + t);
                }
                list.add(type);
            }
            this.types = List.copyOf(list);
            return this;
        }

        /**
         * Sets the deflate level.
         *
         * @param level the deflate level: 1 is fastest, 9 smallest
         * @return this builder
         */
        public Builder level(int level) {
            if (level < 1 || level > 9) {
                throw new IllegalArgumentException("level must be 1-9: " + level);
            }
            this.level = level;
            return this;
        }

        /**
         * Sets how many idle deflaters are kept.
         *
         * @param idle most deflaters kept for reuse between responses (each holds about 256 KiB of
         *     native memory); any more in use at once are made and freed as needed. Default: twice
         *     the number of processors
         * @return this builder
         */
        public Builder pooled(int idle) {
            if (idle < 0) {
                throw new IllegalArgumentException("pooled must be >= 0: " + idle);
            }
            this.pooled = idle;
            return this;
        }

        /** {@return the middleware} */
        public Compression build() {
            return new Compression(this);
        }
    }
}
