package perf;

import java.nio.charset.StandardCharsets;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.internal.PlatformDependent;

/**
 * WebSocket peer of Aurora's {@code benchmarks/websocket-load.sh}, written as Netty's own examples
 * write a WebSocket server: epoll transport, availableProcessors() event loops, HttpServerCodec,
 * HttpObjectAggregator and {@link WebSocketServerProtocolHandler} on {@code /echo} (handshake,
 * pings, the close handshake, UTF-8 checks of text), then an echo handler that writes every text
 * and binary frame back, flushing once per read batch. The limits are Aurora's defaults: 1 MiB
 * frames. {@code GET /plaintext} answers {@code Hello, World!} (for the script's readiness check);
 * everything else 404. Usage: {@code java -cp target/classes:target/lib/* perf.NettyWebSocketPeer PORT}
 */
public final class NettyWebSocketPeer {
    static final ByteBuf HELLO = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("Hello, World!".getBytes(StandardCharsets.US_ASCII)));
    static final int MAX_FRAME = 1 << 20;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: NettyWebSocketPeer PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int threads = Runtime.getRuntime().availableProcessors();
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/echo")
                .maxFramePayloadLength(MAX_FRAME)
                .build();
        ChannelHandler plain = new PlainHandler();
        ChannelHandler echo = new EchoHandler();
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketServerProtocolHandler(ws), plain, echo);
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel();
            System.out.println("netty websocket peer listening on ws://127.0.0.1:" + port + "/echo (transport "
                    + (epoll ? "epoll" : "nio, epoll unavailable: " + Epoll.unavailabilityCause())
                    + ", event loops " + threads + ", Unsafe " + PlatformDependent.hasUnsafe()
                    + ", Java " + Runtime.version() + ")");
            ch.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** HTTP requests that are not the upgrade: {@code GET /plaintext}, else 404. */
    @ChannelHandler.Sharable
    static final class PlainHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean hello = req.method() == HttpMethod.GET && req.uri().equals("/plaintext");
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    hello ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                    hello ? HELLO.duplicate() : Unpooled.EMPTY_BUFFER, false);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (!keepAlive) {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            if (keepAlive) {
                ctx.writeAndFlush(res);
            } else {
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** Writes every data frame back; one flush per read batch. */
    @ChannelHandler.Sharable
    static final class EchoHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
                ctx.write(frame.retain());
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
