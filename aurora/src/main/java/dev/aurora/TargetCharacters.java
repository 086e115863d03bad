package dev.aurora;

/**
 * Which characters a request target (path and query) may hold ({@link ServerConfig#targetCharacters()}).
 *
 * <p>Both refuse, with {@code 400} and a closed connection, what could break the request line's
 * framing or hide a second meaning: controls (0x00-0x1F, 0x7F), spaces, {@code #} and malformed
 * percent-escapes such as {@code %zz}. The authority of an absolute-form target is checked as a
 * host name either way.
 */
public enum TargetCharacters {
    /**
     * RFC 3986 characters, plus those browsers and JavaScript clients send unencoded:
     * {@code " < > [ \ ] ^ ` { | }} and bytes of 0x80 and above (UTF-8), as in
     * {@code ?filter={"a":1}}, {@code ?tags[]=x} or {@code /users/x[1]} (the default, as nginx,
     * Jetty and Go accept them).
     */
    LENIENT,
    /** Only what RFC 3986 allows: unreserved, sub-delims, {@code : @ / ?} and {@code %XX} escapes. */
    STRICT
}
