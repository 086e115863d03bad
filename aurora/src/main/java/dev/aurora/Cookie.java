package dev.aurora;

import java.time.Duration;
import java.util.Objects;

/**
 * A cookie to set with {@link Context#cookie(Cookie)}. Immutable; start with {@link #of} and
 * add attributes with the {@code withX} copies.
 *
 * <pre>{@code
 * ctx.cookie(Cookie.of("session", id).withHttpOnly(true).withSecure(true).withSameSite(SameSite.LAX));
 * }</pre>
 *
 * @param name the cookie name (a token)
 * @param value the value (cookie-octets: no controls, whitespace, double quote, comma, semicolon or backslash)
 * @param path the {@code Path} attribute, or null
 * @param domain the {@code Domain} attribute, or null
 * @param maxAge the {@code Max-Age} attribute (zero deletes the cookie), or null for a session cookie
 * @param secure the {@code Secure} attribute
 * @param httpOnly the {@code HttpOnly} attribute
 * @param sameSite the {@code SameSite} attribute, or null
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge, boolean secure,
        boolean httpOnly, SameSite sameSite) {

    /** Checks name, value and attribute characters, so a cookie can never break the header. */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 0x7F && c > 0x20 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("Invalid cookie name: " + name);
        }
        if (!value.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A)
                || (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E))) {
            throw new IllegalArgumentException("Invalid character in value of cookie " + name);
        }
        checkAttribute("path", path);
        checkAttribute("domain", domain);
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
        }
    }

    /**
     * {@return a session cookie without attributes}
     *
     * @param name the cookie name
     * @param value the cookie value
     */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, null, null, false, false, null);
    }

    /**
     * {@return a copy with that path}
     *
     * @param path the {@code Path} attribute
     */
    public Cookie withPath(String path) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * {@return a copy with that domain}
     *
     * @param domain the {@code Domain} attribute
     */
    public Cookie withDomain(String domain) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * {@return a copy with that {@code Max-Age}}
     *
     * @param maxAge the lifetime; {@link Duration#ZERO} deletes the cookie
     */
    public Cookie withMaxAge(Duration maxAge) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * {@return a copy with that flag}
     *
     * @param secure whether the cookie is sent over HTTPS only
     */
    public Cookie withSecure(boolean secure) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * {@return a copy with that flag}
     *
     * @param httpOnly whether scripts are denied access
     */
    public Cookie withHttpOnly(boolean httpOnly) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * {@return a copy with that policy}
     *
     * @param sameSite the {@code SameSite} policy
     */
    public Cookie withSameSite(SameSite sameSite) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** {@return the {@code Set-Cookie} header value} */
    public String toSetCookie() {
        StringBuilder sb = new StringBuilder(name.length() + value.length() + 32).append(name).append('=').append(value);
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (maxAge != null) {
            sb.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.attribute());
        }
        return sb.toString();
    }

    private static void checkAttribute(String field, String value) {
        if (value != null && (value.isEmpty() || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != ';'))) {
            throw new IllegalArgumentException("Invalid cookie " + field + ": " + value);
        }
    }
}
