package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code uri-host [ ":" port ]} (RFC 3986 section 3.2.2, RFC 9112 section 3.2). */
class HostSyntaxTest {

    private static boolean isValid(String host) {
        byte[] b = Wire.bytes("<" + host + ">");
        return HostSyntax.isValid(b, 1, b.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "EXAMPLE.com", "example.com:8080", "example.com:", "example.com:0",
            "example.com:65535", "localhost", "127.0.0.1", "127.0.0.1:80", "[::1]", "[::1]:80", "[::1]:",
            "[2001:db8::1]", "[2001:DB8:0:0:8:800:200C:417A]:443", "[::ffff:192.0.2.1]", "a-b_c.d~e",
            "%41%42c", "sub!$&'()*+,;=delims", "xn--bcher-kva.example", "0", ":80"})
    void validHosts(String host) {
        assertTrue(isValid(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", " example.com", "example.com ", "x@y", "user:pass@example.com", "[::1", "[::1]x",
            "[::1]:8x", "[]", "[]:80", "[::g]", "[::1]]", "host:abc", "host:123456", "host:8080:1",
            "host::80", "a/b", "a?b", "a#b", "a%zz", "a%4", "a%", "ex\"ample", "a<b", "a\\b", "a\tb", "caf\u00e9",
            "a\u0000", "a\u007f", "h:-1", "h:+1", "h: 80", "[::1] :80", "a[b", "a]b"})
    void invalidHosts(String host) {
        assertFalse(isValid(host), host);
    }

    @Test
    void onlyTheGivenRangeIsChecked() {
        byte[] b = Wire.bytes("x y example.com:80 @");
        assertTrue(HostSyntax.isValid(b, 4, 18));
        assertFalse(HostSyntax.isValid(b, 0, 18));
    }
}
