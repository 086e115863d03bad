package dev.aurora;

/**
 * How the application reads JSON request bodies ({@code ctx.bodyAs(...)}, controller {@code @Body}
 * parameters, {@link Validated#body}), without building a Jackson mapper yourself. Set it with
 * {@link Aurora#json(JsonConfig)}. The limits configure the default codec ({@link
 * dev.aurora.json.JacksonCodec}); a codec given to {@link Aurora#json(dev.aurora.json.JsonCodec)}
 * keeps its own, and {@code strictTypes} applies to either.
 *
 * <pre>{@code
 * Aurora app = Aurora.create().json(JsonConfig.defaults()
 *         .withFailOnUnknownProperties(false)
 *         .withMaxStringLength(5_000_000));
 * }</pre>
 *
 * <p>A body that breaks a limit is refused with {@code 400} naming the limit, except one longer
 * than {@code maxDocumentLength}, which gets {@code 413} like a body over {@link
 * ServerConfig#maxBodySize()} (checked first, before the body is read).
 *
 * <table>
 * <caption>Components and defaults</caption>
 * <tr><th>component</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code failOnUnknownProperties}</td><td>{@code true}</td><td>A field the target type does not have is a {@code 400} rather than ignored.</td></tr>
 * <tr><td>{@code maxNestingDepth}</td><td>256</td><td>Arrays and objects nested at most this deep, checked before Jackson recurses into them.</td></tr>
 * <tr><td>{@code maxNumberLength}</td><td>256</td><td>Characters of one number at most, checked before {@code BigInteger}/{@code BigDecimal} parsing, which is superlinear.</td></tr>
 * <tr><td>{@code maxStringLength}</td><td>1,000,000</td><td>Characters of one string value at most.</td></tr>
 * <tr><td>{@code maxNameLength}</td><td>1024</td><td>Characters of one field name at most.</td></tr>
 * <tr><td>{@code maxTokenCount}</td><td>1,000,000</td><td>Tokens (values, brackets, names) of one document at most.</td></tr>
 * <tr><td>{@code maxDocumentLength}</td><td>{@code Long.MAX_VALUE}: no limit of its own</td><td>Bytes of one JSON body at most ({@code 413}).</td></tr>
 * <tr><td>{@code strictTypes}</td><td>{@code false}</td><td>{@code ctx.bodyAs} and {@code @Body} refuse coercions as {@link dev.aurora.json.JsonCodec#readStrict} lists ({@code "year": 1.5} for an {@code int}, {@code 123} for a {@code String}); {@link Validated#body} always does.</td></tr>
 * </table>
 *
 * @param failOnUnknownProperties whether a field the target type does not declare is refused
 * @param maxNestingDepth arrays and objects nested at most this deep, 1 to 10,000
 * @param maxNumberLength characters of one number at most, at least 1
 * @param maxStringLength characters of one string value at most, at least 1
 * @param maxNameLength characters of one field name at most, at least 1
 * @param maxTokenCount tokens of one document at most, at least 1
 * @param maxDocumentLength bytes of one JSON body at most, at least 1; {@code Long.MAX_VALUE} leaves
 *     the bound to {@link ServerConfig#maxBodySize()}
 * @param strictTypes whether {@code ctx.bodyAs} and controller {@code @Body} parameters refuse
 *     coercions; this applies whichever {@link dev.aurora.json.JsonCodec} the application uses
 */
public record JsonConfig(
        boolean failOnUnknownProperties,
        int maxNestingDepth,
        int maxNumberLength,
        int maxStringLength,
        int maxNameLength,
        long maxTokenCount,
        long maxDocumentLength,
        boolean strictTypes) {

    /**
     * Jackson's data binding recurses once per level for maps, lists and objects; far beyond this
     * a virtual thread's stack overflows (a 500 instead of a 400), whatever the configuration.
     */
    private static final int NESTING_CEILING = 10_000;

    private static final JsonConfig DEFAULTS = new JsonConfig(
            true,
            256,
            256,
            // Jackson's own default is 20 million characters: a single value that size costs some
            // 80 MB while it is parsed (a char buffer, then the String), and a few concurrent
            // requests would exhaust a server's heap. A million characters still takes a large
            // text or a base64-encoded picture of about 750 KB; bigger payloads belong in
            // ctx.bodyStream() rather than in a JSON string.
            1_000_000,
            1024,
            // Bounds the work of a body made of many tiny tokens; a 10,000-element array is far below it.
            1_000_000,
            // maxBodySize (10 MiB by default) already bounds every body; a second, smaller number
            // is for applications that accept large uploads but want small JSON documents.
            Long.MAX_VALUE,
            // Jackson's coercions are what most clients expect of ctx.bodyAs; Validated.body is strict.
            false);

    /** Checks every limit; the message starts with the component's name. */
    public JsonConfig {
        check("maxNestingDepth", maxNestingDepth, NESTING_CEILING);
        check("maxNumberLength", maxNumberLength, Integer.MAX_VALUE);
        check("maxStringLength", maxStringLength, Integer.MAX_VALUE);
        check("maxNameLength", maxNameLength, Integer.MAX_VALUE);
        check("maxTokenCount", maxTokenCount, Long.MAX_VALUE);
        check("maxDocumentLength", maxDocumentLength, Long.MAX_VALUE);
    }

    /** {@return the defaults listed in the table above} */
    public static JsonConfig defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy with {@code failOnUnknownProperties} replaced}
     *
     * @param failOnUnknownProperties whether a field the target type does not declare is refused
     */
    public JsonConfig withFailOnUnknownProperties(boolean failOnUnknownProperties) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code maxNestingDepth} replaced}
     *
     * @param maxNestingDepth arrays and objects nested at most this deep, 1 to 10,000
     */
    public JsonConfig withMaxNestingDepth(int maxNestingDepth) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code maxNumberLength} replaced}
     *
     * @param maxNumberLength characters of one number at most, at least 1
     */
    public JsonConfig withMaxNumberLength(int maxNumberLength) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code maxStringLength} replaced}
     *
     * @param maxStringLength characters of one string value at most, at least 1
     */
    public JsonConfig withMaxStringLength(int maxStringLength) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code maxNameLength} replaced}
     *
     * @param maxNameLength characters of one field name at most, at least 1
     */
    public JsonConfig withMaxNameLength(int maxNameLength) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code maxTokenCount} replaced}
     *
     * @param maxTokenCount tokens of one document at most, at least 1
     */
    public JsonConfig withMaxTokenCount(long maxTokenCount) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code maxDocumentLength} replaced}
     *
     * @param maxDocumentLength bytes of one JSON body at most, at least 1; {@code Long.MAX_VALUE}
     *     for no limit beyond {@link ServerConfig#maxBodySize()}
     */
    public JsonConfig withMaxDocumentLength(long maxDocumentLength) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    /**
     * {@return a copy with {@code strictTypes} replaced}
     *
     * @param strictTypes whether {@code ctx.bodyAs} and {@code @Body} refuse coercions
     */
    public JsonConfig withStrictTypes(boolean strictTypes) {
        return new JsonConfig(failOnUnknownProperties, maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxTokenCount, maxDocumentLength, strictTypes);
    }

    private static void check(String field, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(field + " must be between 1 and " + max + ": " + value);
        }
    }
}
