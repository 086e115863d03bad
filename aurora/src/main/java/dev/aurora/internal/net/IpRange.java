package dev.aurora.internal.net;

import java.net.InetAddress;

/**
 * An address or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.1}). An
 * IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) is the IPv4 address it maps, as the JDK
 * reports it.
 *
 * @param network the block's first address bytes (4 or 16)
 * @param prefix the number of leading bits that must match
 */
public record IpRange(byte[] network, int prefix) {
    /**
     * @throws IllegalArgumentException if {@code text} is not an address literal with an optional
     *     {@code /bits} suffix in range
     */
    public static IpRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'");
        }
        byte[] bytes = address.getAddress();
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("prefix must be 0-" + max + ": '" + text + "'");
            }
        }
        return new IpRange(bytes, prefix);
    }

    /** @return whether {@code address} is in this block */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
