package dev.aurora.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    @Test
    void sameOriginComparesHostAndPortWithDefaultsFilledIn() {
        assertTrue(OriginPolicy.allows(List.of(), "http://example.com", "example.com", "http"));
        assertTrue(OriginPolicy.allows(List.of(), "http://Example.COM:80", "example.com", "http"));
        assertTrue(OriginPolicy.allows(List.of(), "https://example.com", "example.com:443", "https"));
        assertFalse(OriginPolicy.allows(List.of(), "http://example.com:8080", "example.com", "http"));
        assertFalse(OriginPolicy.allows(List.of(), "http://example.com.evil.net", "example.com", "http"));
        assertFalse(OriginPolicy.allows(List.of(), "null", "example.com", "http"));
        assertFalse(OriginPolicy.allows(List.of(), "http://example.com", null, "http"));
        assertTrue(OriginPolicy.allows(List.of(), null, "example.com", "http"), "no Origin: not a browser");
    }

    @Test
    void aListAllowsExactlyItsOrigins() {
        List<String> allowed = List.of("https://app.example/");
        assertTrue(OriginPolicy.allows(allowed, "https://app.example", "api.example", "https"));
        assertFalse(OriginPolicy.allows(allowed, "http://app.example", "api.example", "https"));
        assertTrue(OriginPolicy.allows(List.of("*"), "https://anywhere.example", "api.example", "https"));
    }
}
