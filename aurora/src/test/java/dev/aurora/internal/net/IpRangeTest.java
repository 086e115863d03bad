package dev.aurora.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {
    private static boolean in(String range, String address) {
        return IpRange.parse(range).contains(IpLiteral.parse(address));
    }

    @Test
    void blocksAndSingleAddresses() {
        assertTrue(in("10.0.0.0/8", "10.255.1.2"));
        assertFalse(in("10.0.0.0/8", "11.0.0.1"));
        assertTrue(in("192.168.1.0/25", "192.168.1.127"));
        assertFalse(in("192.168.1.0/25", "192.168.1.128"));
        assertTrue(in("127.0.0.1", "127.0.0.1"));
        assertFalse(in("127.0.0.1", "127.0.0.2"));
        assertTrue(in("0.0.0.0/0", "8.8.8.8"));
        assertTrue(in("fd00::/8", "fd12:3456::1"));
        assertFalse(in("fd00::/8", "fe80::1"));
        assertTrue(in("::1", "0:0:0:0:0:0:0:1"));
        assertFalse(in("10.0.0.0/8", "::1"), "families never match each other");
        assertTrue(in("10.0.0.0/8", "::ffff:10.1.2.3"), "an IPv4-mapped address is its IPv4 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0", "10.0.0.256",
        "010.0.0.1", "1.2.3.4.5", "[::1]", "::g"})
    void refusesWhatIsNoLiteral(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse(text));
    }

    @Test
    void literalsNeverResolveNames() {
        assertNull(IpLiteral.parse("localhost"));
        assertNull(IpLiteral.parse("unknown"));
        assertNull(IpLiteral.parse("_hidden"));
        assertEquals("192.0.2.1", IpLiteral.parse("192.0.2.1").getHostAddress());
    }
}
