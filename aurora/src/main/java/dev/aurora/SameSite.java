package dev.aurora;

/** The {@code SameSite} attribute of a cookie (RFC 6265bis). */
public enum SameSite {
    /** Sent with same-site requests only. */
    STRICT("Strict"),
    /** Also sent on top-level navigations from other sites. */
    LAX("Lax"),
    /** Sent with cross-site requests too; browsers require {@code Secure} with it. */
    NONE("None");

    private final String attribute;

    SameSite(String attribute) {
        this.attribute = attribute;
    }

    /** {@return the attribute value as written in {@code Set-Cookie}} */
    public String attribute() {
        return attribute;
    }
}
