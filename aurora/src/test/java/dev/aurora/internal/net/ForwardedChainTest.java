package dev.aurora.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ForwardedChainTest {
    private static final Predicate<InetAddress> PRIVATE = a -> IpRange.parse("10.0.0.0/8").contains(a);
    private static final InetSocketAddress PROXY = new InetSocketAddress(IpLiteral.parse("10.0.0.5"), 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress(IpLiteral.parse("203.0.113.9"), 40000);

    private static ForwardedChain.Origin forwarded(InetSocketAddress peer, String... lines) {
        return ForwardedChain.resolve(peer, PRIVATE, List.of(lines), List.of(), List.of(), List.of());
    }

    private static ForwardedChain.Origin legacy(InetSocketAddress peer, List<String> xff, List<String> proto, List<String> host) {
        return ForwardedChain.resolve(peer, PRIVATE, List.of(), xff, proto, host);
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSends() {
        assertNull(forwarded(STRANGER, "for=1.2.3.4;proto=https"));
        assertNull(legacy(STRANGER, List.of("1.2.3.4"), List.of("https"), List.of("evil.example")));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        ForwardedChain.Origin origin = forwarded(PROXY, "for=192.0.2.60;proto=https;host=shop.example");
        assertEquals(new InetSocketAddress(IpLiteral.parse("192.0.2.60"), 0), origin.client());
        assertEquals("https", origin.scheme());
        assertEquals("shop.example", origin.host());
    }

    @Test
    void theWalkStopsAtTheFirstUntrustedAddress() {
        // The client forged the first entry; the outer proxy appended the client's real address.
        ForwardedChain.Origin origin = forwarded(PROXY, "for=6.6.6.6;proto=http, for=198.51.100.7;proto=https, for=10.0.0.9");
        assertEquals("198.51.100.7", origin.client().getAddress().getHostAddress());
        assertEquals("https", origin.scheme());
        ForwardedChain.Origin viaLegacy = legacy(PROXY, List.of("6.6.6.6, 198.51.100.7", "10.0.0.9"), List.of(), List.of());
        assertEquals("198.51.100.7", viaLegacy.client().getAddress().getHostAddress());
    }

    @Test
    void portsQuotesAndIpv6() {
        assertEquals(new InetSocketAddress(IpLiteral.parse("2001:db8:cafe::17"), 4711),
                forwarded(PROXY, "for=\"[2001:db8:cafe::17]:4711\"").client());
        assertEquals(new InetSocketAddress(IpLiteral.parse("192.0.2.43"), 8080), forwarded(PROXY, "For=\"192.0.2.43:8080\"").client());
        assertEquals(new InetSocketAddress(IpLiteral.parse("2001:db8::1"), 0),
                legacy(PROXY, List.of("2001:db8::1"), List.of(), List.of()).client());
        assertEquals(0, forwarded(PROXY, "for=\"192.0.2.43:_abc\"").client().getPort());
    }

    @Test
    void anUnknownOrHiddenHopEndsTheWalkAtTheLastKnownAddress() {
        assertNull(forwarded(PROXY, "for=unknown"));
        assertNull(forwarded(PROXY, "for=_hidden"));
        ForwardedChain.Origin origin = forwarded(PROXY, "for=unknown, for=10.0.0.7");
        assertEquals("10.0.0.7", origin.client().getAddress().getHostAddress());
        assertNull(forwarded(PROXY, "proto=https"));
    }

    @Test
    void legacyProtoAndHostLineUpWithTheirAddressOrComeFromTheNearestProxy() {
        ForwardedChain.Origin aligned = legacy(PROXY, List.of("198.51.100.7, 10.0.0.9"), List.of("https, http"),
                List.of("shop.example, internal:8080"));
        assertEquals("https", aligned.scheme());
        assertEquals("shop.example", aligned.host());
        ForwardedChain.Origin nearest = legacy(PROXY, List.of("198.51.100.7, 10.0.0.9"), List.of("https"), List.of());
        assertEquals("https", nearest.scheme());
        assertNull(nearest.host());
    }

    @Test
    void onlyHttpSchemesAndValidHostsAreBelieved() {
        ForwardedChain.Origin origin = forwarded(PROXY, "for=192.0.2.1;proto=javascript;host=\"bad host/x\"");
        assertNull(origin.scheme());
        assertNull(origin.host());
        assertEquals("HTTPS".toLowerCase(), forwarded(PROXY, "for=192.0.2.1;proto=HTTPS").scheme());
    }
}
