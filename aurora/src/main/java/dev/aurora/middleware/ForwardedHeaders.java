package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.net.ForwardedChain;
import dev.aurora.internal.net.IpRange;
import dev.aurora.internal.server.ExchangeAccess;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Believes {@code Forwarded} (RFC 7239), or without it {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}, from the proxies named here and from
 * nobody else; {@link Context#remoteAddress()}, {@link Context#scheme()} and {@link Context#host()}
 * then describe the original client's request.
 *
 * <pre>{@code
 * app.use(ForwardedHeaders.trusting("10.0.0.0/8", "fd00::/8"));    // the load balancers' addresses
 * }</pre>
 *
 * <p>Each proxy appends the address it received the request from. Walking that list from the
 * nearest end, every trusted proxy passes the question to the entry before it; the first address
 * that is not a trusted proxy is the client, and anything written before it (by the client itself)
 * is ignored. A request whose TCP peer is not a trusted proxy is taken as it is, so clients that
 * reach the server directly cannot pretend to be anyone. Only {@code http} and {@code https}
 * schemes and syntactically valid hosts are believed; {@code unknown} and obfuscated identifiers
 * stop the walk.
 *
 * <p>Register it first, before middleware that uses the client's address (rate limits, access
 * control). Immutable; the trusted ranges are parsed once.
 */
public final class ForwardedHeaders implements Middleware {
    private final List<IpRange> trusted;

    private ForwardedHeaders(List<IpRange> trusted) {
        this.trusted = trusted;
    }

    /**
     * {@return the middleware}
     *
     * @param proxies addresses and CIDR blocks of the proxies in front of this server, such as
     *     {@code "10.0.0.0/8"}, {@code "127.0.0.1"} or {@code "fd00::/8"}
     * @throws IllegalArgumentException if an entry is not an IP address or block, or none is given
     */
    public static ForwardedHeaders trusting(String... proxies) {
        if (proxies.length == 0) {
            throw new IllegalArgumentException("name at least one trusted proxy address or block");
        }
        List<IpRange> ranges = new ArrayList<>(proxies.length);
        for (String proxy : proxies) {
            ranges.add(IpRange.parse(proxy));
        }
        return new ForwardedHeaders(List.copyOf(ranges));
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        List<String> forwarded = ctx.headers("Forwarded");
        List<String> xff = ctx.headers("X-Forwarded-For");
        if (!forwarded.isEmpty() || !xff.isEmpty()) {
            ForwardedChain.Origin origin = ForwardedChain.resolve(ctx.remoteAddress(), this::trusted, forwarded, xff,
                    ctx.headers("X-Forwarded-Proto"), ctx.headers("X-Forwarded-Host"));
            if (origin != null) {
                ExchangeAccess.origin(ctx, origin.client(), origin.scheme(), origin.host());
            }
        }
        next.handle(ctx);
    }

    private boolean trusted(InetAddress address) {
        for (IpRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
