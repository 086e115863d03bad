package dev.aurora.internal.server;

import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.QueryString;
import dev.aurora.internal.http.RequestHead;
import dev.aurora.internal.mem.Arena;
import java.net.InetSocketAddress;

/**
 * What a protocol that took a connection over may still read of the request it was upgraded
 * from, once the exchange and its buffers are gone: the path, the route's parameters, the
 * attributes middleware set, the remote address, and the head's bytes (exactly its length, with
 * the field offsets), from which query parameters and fields are decoded when asked, as the
 * exchange does. Made once, on the connection's thread, before the workspace goes back to its
 * pool; read-only afterwards (safe from any thread once published with the session).
 */
public final class UpgradeRequest {
    private final String path;
    private final String[] params;
    private final Attributes attributes;
    private final InetSocketAddress remoteAddress;
    private final byte[] head;
    /** Per field: name start, name end, value start, value end, into {@link #head}. */
    private final int[] fields;
    private final int queryStart;
    private final int queryLength;

    private UpgradeRequest(String path, String[] params, Attributes attributes, InetSocketAddress remoteAddress,
            byte[] head, int[] fields, int queryStart, int queryLength) {
        this.path = path;
        this.params = params;
        this.attributes = attributes;
        this.remoteAddress = remoteAddress;
        this.head = head;
        this.fields = fields;
        this.queryStart = queryStart;
        this.queryLength = queryLength;
    }

    /** Copies what {@code exchange}'s request holds that outlives it. */
    static UpgradeRequest of(Exchange exchange, String[] params, Attributes attributes) {
        RequestHead h = exchange.head();
        byte[] bytes = exchange.input().array();
        int base = exchange.input().base();
        byte[] head = new byte[h.headLength()];
        System.arraycopy(bytes, base, head, 0, head.length);
        int count = h.headerCount();
        int[] fields = new int[4 * count];
        for (int i = 0; i < count; i++) {
            fields[4 * i] = h.nameStart(i);
            fields[4 * i + 1] = h.nameStart(i) + h.nameLength(i);
            fields[4 * i + 2] = h.valueStart(i);
            fields[4 * i + 3] = h.valueStart(i) + h.valueLength(i);
        }
        return new UpgradeRequest(exchange.path(), params, attributes, exchange.remoteAddress(), head, fields,
                h.queryStart(), h.queryLength());
    }

    /** The path as the exchange gave it. */
    public String path() {
        return path;
    }

    /** The route parameter {@code name}, decoded, or null. */
    public String param(String name) {
        for (int i = 0; i < params.length; i += 2) {
            if (params[i].equals(name)) {
                return params[i + 1];
            }
        }
        return null;
    }

    /** The first decoded value of query parameter {@code name}, or null. */
    public String query(String name) {
        if (queryLength <= 0) {
            return null;
        }
        // Rarely asked: a small arena per call keeps the idle connection free of one.
        return QueryString.first(head, queryStart, queryLength, name, new Arena(4, 64));
    }

    /** The first value of header field {@code name} (any case), or null. */
    public String header(String name) {
        for (int i = 0; i < fields.length; i += 4) {
            if (Ascii.equalsIgnoreCase(head, fields[i], fields[i + 1] - fields[i], name)) {
                return Ascii.latin1(head, fields[i + 2], fields[i + 3] - fields[i + 2]);
            }
        }
        return null;
    }

    /** An attribute middleware set on the upgrade request, or null. */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return (T) attributes.get(key);
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }
}
