package dev.aurora;

import dev.aurora.internal.conditional.ConditionalResponse;

/**
 * Makes entity-tags for {@link Context#conditional(String, java.time.Instant)} and the
 * {@code ETag} header (RFC 9110 section 8.8.3): the opaque value in quotes, {@code W/} in front
 * for a weak one.
 *
 * <pre>{@code
 * ETag.strong("v" + order.version())   // "v7"    : the exact bytes of this version
 * ETag.weak(Long.toHexString(hash))    // W/"3f2a": equivalent content, bytes may differ
 * }</pre>
 *
 * Use a strong tag when the same tag always means the same bytes (a version number, a content
 * hash): {@code If-Match} compares strongly, so a weak tag never satisfies it. A weak tag suits a
 * representation that may vary in unimportant ways, such as a timestamp in a footer.
 */
public final class ETag {
    private ETag() {
    }

    /**
     * Makes a strong entity-tag: the same tag promises the same bytes.
     *
     * @param opaque the tag's value: visible ASCII other than {@code "} (the JSON of a version
     *     number or hash is fine)
     * @return the strong entity-tag, {@code "opaque"}
     * @throws IllegalArgumentException if {@code opaque} has a quote, a space or a control
     *     character
     */
    public static String strong(String opaque) {
        return checked("\"" + opaque + "\"");
    }

    /**
     * Makes a weak entity-tag: the same tag promises equivalent content only.
     *
     * @param opaque the tag's value, as for {@link #strong(String)}
     * @return the weak entity-tag, {@code W/"opaque"}
     * @throws IllegalArgumentException if {@code opaque} has a quote, a space or a control
     *     character
     */
    public static String weak(String opaque) {
        return checked("W/\"" + opaque + "\"");
    }

    private static String checked(String tag) {
        if (!ConditionalResponse.isEntityTag(tag)) {
            throw new IllegalArgumentException("An entity-tag's value is visible ASCII without '\"': " + tag);
        }
        return tag;
    }
}
