package dev.aurora.internal.net;

import dev.aurora.internal.http.HostSyntax;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Who the client really is, when requests arrive through proxies: reads {@code Forwarded}
 * (RFC 7239) or, without it, {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}, and believes them
 * only as far as the chain of trusted proxies goes.
 *
 * <p>Each proxy appends the address it received the request from. Walking the list from the
 * nearest end, every address that is a trusted proxy passes the question on to the entry before
 * it; the first one that is not trusted is the client. Entries before it were written by the
 * client itself and are ignored, so a client cannot claim to be someone else by sending the
 * headers. A peer that is not a trusted proxy is the client, whatever it sends.
 */
public final class ForwardedChain {
    /**
     * What the chain says about the original request.
     *
     * @param client the client's address (port 0 when no proxy said)
     * @param scheme {@code http} or {@code https} as the client used it, or null if not said
     * @param host the Host the client sent, or null if not said
     */
    public record Origin(InetSocketAddress client, String scheme, String host) {
    }

    /** One hop as a proxy described it: the address it received from, and the request's scheme and host. */
    private record Hop(String forValue, String proto, String host) {
    }

    private ForwardedChain() {
    }

    /**
     * @param peer the connection's remote address
     * @param trusted which addresses are proxies whose headers are believed
     * @param forwarded the {@code Forwarded} field lines, in order
     * @param xForwardedFor the {@code X-Forwarded-For} field lines, in order
     * @param xForwardedProto the {@code X-Forwarded-Proto} field lines
     * @param xForwardedHost the {@code X-Forwarded-Host} field lines
     * @return the origin, or null when the peer is not trusted or no proxy said anything usable
     */
    public static Origin resolve(InetSocketAddress peer, Predicate<InetAddress> trusted, List<String> forwarded,
            List<String> xForwardedFor, List<String> xForwardedProto, List<String> xForwardedHost) {
        if (peer == null || peer.getAddress() == null || !trusted.test(peer.getAddress())) {
            return null;
        }
        List<Hop> hops = forwarded.isEmpty() ? legacyHops(xForwardedFor, xForwardedProto, xForwardedHost) : hops(forwarded);
        if (hops.isEmpty()) {
            return null;
        }
        InetSocketAddress client = peer;
        Hop chosen = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetSocketAddress address = address(hops.get(i).forValue());
            if (address == null) {
                // "unknown", an obfuscated name or garbage: nothing beyond it can be believed.
                break;
            }
            client = address;
            chosen = hops.get(i);
            if (!trusted.test(address.getAddress())) {
                break;
            }
        }
        if (chosen == null) {
            return null;
        }
        String scheme = chosen.proto() == null ? null : chosen.proto().toLowerCase(Locale.ROOT);
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            scheme = null;
        }
        String host = chosen.host() != null && HostSyntax.isValid(chosen.host()) ? chosen.host() : null;
        return new Origin(client, scheme, host);
    }

    /** RFC 7239 elements, farthest first: {@code for=...;proto=...;host=..., for=...}. */
    private static List<Hop> hops(List<String> lines) {
        List<Hop> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : splitOutsideQuotes(line, ',')) {
                String forValue = null;
                String proto = null;
                String host = null;
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).strip());
                    switch (name) {
                        case "for" -> forValue = value;
                        case "proto" -> proto = value;
                        case "host" -> host = value;
                        default -> {
                            // "by" and extensions are not needed to find the client.
                        }
                    }
                }
                hops.add(new Hop(forValue, proto, host));
            }
        }
        return hops;
    }

    /**
     * X-Forwarded-For entries, farthest first. Proto and Host come as separate lists; when they
     * have one entry per address they line up with it, otherwise the nearest proxy's (last) value
     * counts for every hop.
     */
    private static List<Hop> legacyHops(List<String> forLines, List<String> protoLines, List<String> hostLines) {
        List<String> fors = entries(forLines);
        List<String> protos = entries(protoLines);
        List<String> hosts = entries(hostLines);
        List<Hop> hops = new ArrayList<>(fors.size());
        for (int i = 0; i < fors.size(); i++) {
            hops.add(new Hop(fors.get(i), aligned(protos, i, fors.size()), aligned(hosts, i, fors.size())));
        }
        return hops;
    }

    private static String aligned(List<String> values, int index, int count) {
        if (values.isEmpty()) {
            return null;
        }
        return values.size() == count ? values.get(index) : values.getLast();
    }

    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",")) {
                String value = entry.strip();
                if (!value.isEmpty()) {
                    entries.add(value);
                }
            }
        }
        return entries;
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]}, {@code [2001:db8::1]:4711}, {@code 2001:db8::1}. */
    static InetSocketAddress address(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String host = value;
        int port = 0;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                port = rest.startsWith(":") ? port(rest.substring(1)) : -1;
            }
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            int colon = value.indexOf(':');
            host = value.substring(0, colon);
            port = port(value.substring(colon + 1));
        }
        InetAddress address = IpLiteral.parse(host);
        return address == null || port < 0 ? null : new InetSocketAddress(address, port);
    }

    /** @return the port, 0 for an obfuscated one ({@code _abc}), or -1 if malformed */
    private static int port(String text) {
        if (text.startsWith("_")) {
            return 0;
        }
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65535 ? port : -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }
}
