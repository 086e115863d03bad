package dev.aurora.test;

import dev.aurora.Aurora;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends requests over a real TCP connection to the application on the loopback interface, one
 * connection per exchange: writes the bytes, half-closes, and reads until the server closes.
 * Starts the application on an ephemeral port if it is not running, and then (only then) stops it
 * on {@link #close()}.
 */
final class LoopbackTransport implements Transport {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Aurora app;
    private final boolean owned;
    private final InetSocketAddress address;
    /** TLS to the application's own port when it serves HTTPS there, else null. */
    private final SSLSocketFactory tls;

    LoopbackTransport(Aurora app) {
        this.app = app;
        this.owned = startIfNeeded(app);
        this.tls = app.config().tls() != null && app.config().httpsPort() < 0 ? LoopbackTls.factory() : null;
        String host = app.config().host();
        InetAddress target = host == null || host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()
                ? InetAddress.getLoopbackAddress()
                : new InetSocketAddress(host, 0).getAddress();
        this.address = new InetSocketAddress(target == null ? InetAddress.getLoopbackAddress() : target, app.port());
    }

    private static boolean startIfNeeded(Aurora app) {
        try {
            app.port();
            return false;
        } catch (IllegalStateException notRunning) {
            app.start(0);
            return true;
        }
    }

    /** @return where the application listens */
    InetSocketAddress address() {
        return address;
    }

    @Override
    public byte[] exchange(byte[] request) throws IOException {
        try (Socket socket = open(READ_TIMEOUT_MILLIS)) {
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (SocketException serverClosedEarly) {
                // The server may answer and close before reading everything (e.g. 400, 413):
                // what it wrote is still to be read below.
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                if (all.size() == 0) {
                    throw reset;
                }
                // a reset after the answer (unread request bytes) ends the exchange
            }
            return all.toByteArray();
        }
    }

    @Override
    public Channel connect() throws IOException {
        return new SocketChannel(open(READ_TIMEOUT_MILLIS));
    }

    /** A connected socket to the application: plain, or TLS with the handshake done. */
    private Socket open(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            if (tls == null) {
                return socket;
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(socket, "localhost", address.getPort(), true);
            secure.startHandshake();
            return secure;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public Stream stream(int readTimeoutMillis) throws IOException {
        Socket socket = open(readTimeoutMillis);
        try {
            InputStream in = socket.getInputStream();
            java.io.OutputStream out = socket.getOutputStream();
            return new Stream() {
                @Override
                public InputStream input() {
                    return in;
                }

                @Override
                public java.io.OutputStream output() {
                    return out;
                }

                @Override
                public void close() {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            };
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads responses off a kept-alive socket, one per request, by their framing. */
    private static final class SocketChannel implements Channel {
        private final Socket socket;
        private final ByteArrayOutputStream unread = new ByteArrayOutputStream();
        private boolean open = true;

        SocketChannel(Socket socket) {
            this.socket = socket;
        }

        @Override
        public TestResponse exchange(byte[] request, boolean headRequest) throws IOException {
            if (!open) {
                throw new IOException("The server closed the connection");
            }
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            boolean end = false;
            while (true) {
                byte[] bytes = unread.toByteArray();
                try {
                    ResponseParser.Prefix prefix = ResponseParser.parseFirst(bytes, headRequest, end);
                    unread.reset();
                    unread.write(bytes, prefix.length(), bytes.length - prefix.length());
                    if (end || "close".equalsIgnoreCase(prefix.response().header("Connection"))) {
                        close();
                    }
                    return prefix.response();
                } catch (ResponseParser.Incomplete incomplete) {
                    if (end) {
                        close();
                        throw new IOException("The server closed the connection mid-response: "
                                + incomplete.getMessage());
                    }
                }
                int n = in.read(chunk);
                if (n < 0) {
                    end = true;
                } else {
                    unread.write(chunk, 0, n);
                }
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        if (owned) {
            app.stop();
        }
    }
}
