package perf;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;

/**
 * HTTPS peer of Aurora's {@code benchmarks/tls-load.sh}: the shared Netty peer's shape (epoll
 * transport, availableProcessors() event loops, HttpServerCodec and a hand-written handler that
 * flushes once per read batch, a Date header cached per second) behind Netty's {@link SslHandler}
 * with {@link SslProvider#JDK}, so both servers encrypt with the same JSSE code. TLS is set up as
 * Aurora's {@code ServerTls} sets it up: TLS 1.3 and 1.2, the JDK's enabled suites restricted to
 * forward-secret AEAD ones in the JDK's order, server order preferred, ALPN {@code http/1.1}.
 * Serves {@code GET /plaintext} and {@code GET /json} (Jackson per request); everything else 404.
 * Usage: {@code java -cp target/classes:target/lib/* perf.NettyTlsPeer PORT CERT.pem KEY.pem}
 */
public final class NettyTlsPeer {
    static final ByteBuf HELLO = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("Hello, World!".getBytes(StandardCharsets.US_ASCII)));
    static final ByteBuf NOT_FOUND = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("Not Found".getBytes(StandardCharsets.US_ASCII)));
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final AsciiString TEXT = AsciiString.cached("text/plain");
    static final AsciiString JSON = AsciiString.cached("application/json");

    public record Message(String message) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: NettyTlsPeer PORT CERT.pem KEY.pem");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        SslContext tls = SslContextBuilder.forServer(new File(args[1]), new File(args[2]))
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .ciphers(modernSuites(), IdentityCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_1_1))
                .build();
        int threads = Runtime.getRuntime().availableProcessors();
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel c) {
                            SslHandler ssl = tls.newHandler(c.alloc());
                            // Aurora's ServerTls prefers its own suite order; so does this peer.
                            SSLEngine engine = ssl.engine();
                            SSLParameters parameters = engine.getSSLParameters();
                            parameters.setUseCipherSuitesOrder(true);
                            engine.setSSLParameters(parameters);
                            c.pipeline().addLast(ssl, new HttpServerCodec(), new ContractHandler());
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel();
            System.out.println("netty tls peer listening on https://127.0.0.1:" + port + " (transport "
                    + (epoll ? "epoll" : "nio, epoll unavailable: " + Epoll.unavailabilityCause())
                    + ", event loops " + threads + ", ssl provider JDK, suites " + String.join(",", modernSuites())
                    + ", Unsafe " + PlatformDependent.hasUnsafe() + ", Java " + Runtime.version() + ")");
            ch.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /**
     * The JDK's enabled suites kept as Aurora's ServerTls keeps them: TLS 1.3's own, and for TLS
     * 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305, in the JDK's order of preference.
     */
    static List<String> modernSuites() throws Exception {
        SSLContext jdk = SSLContext.getInstance("TLS");
        jdk.init(null, null, null);
        List<String> kept = new ArrayList<>();
        for (String suite : jdk.createSSLEngine().getEnabledCipherSuites()) {
            boolean tls13 = suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
            boolean tls12 = suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20"));
            if (tls13 || tls12) {
                kept.add(suite);
            }
        }
        return kept;
    }

    /** RFC 1123 date, recomputed at most once per second per thread. */
    static final class DateCache {
        private static final DateTimeFormatter FMT = DateTimeFormatter.RFC_1123_DATE_TIME;
        private long second = -1;
        private AsciiString value;

        AsciiString get() {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                second = now;
                value = new AsciiString(FMT.format(ZonedDateTime.now(ZoneOffset.UTC)));
            }
            return value;
        }
    }

    static final class ContractHandler extends ChannelInboundHandlerAdapter {
        private static final ThreadLocal<DateCache> DATE = ThreadLocal.withInitial(DateCache::new);

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest req) {
                    onRequest(ctx, req);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onRequest(ChannelHandlerContext ctx, HttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            String uri = req.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            if (req.method() == HttpMethod.GET && path.equals("/plaintext")) {
                respond(ctx, keepAlive, HttpResponseStatus.OK, TEXT, HELLO.duplicate());
            } else if (req.method() == HttpMethod.GET && path.equals("/json")) {
                byte[] json;
                try {
                    json = MAPPER.writeValueAsBytes(new Message("Hello, World!"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                respond(ctx, keepAlive, HttpResponseStatus.OK, JSON, Unpooled.wrappedBuffer(json));
            } else {
                respond(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, TEXT, NOT_FOUND.duplicate());
            }
        }

        private void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, AsciiString type,
                ByteBuf content) {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content, false);
            HttpHeaders h = res.headers();
            h.set(HttpHeaderNames.CONTENT_TYPE, type);
            h.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            h.set(HttpHeaderNames.DATE, DATE.get().get());
            if (keepAlive) {
                ctx.write(res, ctx.voidPromise());
            } else {
                // Said in the response too, so the client (wrk) opens a new connection instead of
                // sending its next request on this one.
                h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
