package dev.aurora.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Should Aurora's connection buffers be heap {@code byte[]} or direct {@link ByteBuffer}s? Aurora
 * writes through {@code java.net.Socket} streams, which take a {@code byte[]}; the JDK's socket
 * implementation ({@code sun.nio.ch.NioSocketImpl}) copies that array into a temporary direct buffer
 * it caches per carrier thread and hands the native address to {@code write(2)}. So a direct buffer on
 * Aurora's side would save nothing on this path and cost a copy out into a {@code byte[]}; it pays off
 * only with {@link SocketChannel}, whose {@code write} sends a direct buffer without the copy. What
 * each costs, for a 16 KiB response written to a loopback socket that a background thread drains:
 *
 * <ul>
 *   <li>{@link #heapArrayToSocketStream}: copy the response into a heap array, write it to the
 *       socket's {@code OutputStream} (Aurora today).</li>
 *   <li>{@link #directBufferToSocketStream}: copy into a direct buffer, copy out into a
 *       {@code byte[]} for the stream, write.</li>
 *   <li>{@link #heapBufferToChannel}: copy into a heap {@link ByteBuffer}, write it to a blocking
 *       {@link SocketChannel} (the JDK copies it into a temporary direct buffer).</li>
 *   <li>{@link #directBufferToChannel}: copy into a direct buffer, write it to the channel (no JDK
 *       copy).</li>
 *   <li>{@link #fillHeap} / {@link #fillDirect}: the copy alone.</li>
 *   <li>{@link #scanHeap} / {@link #scanDirect}: a parser's view: count the {@code '\n'} bytes of the
 *       16 KiB, byte by byte, from the array or with {@link ByteBuffer#get(int)}.</li>
 * </ul>
 * Benchmark threads are platform threads; a virtual thread goes through the same
 * {@code NioSocketImpl} code (the temporary buffer then belongs to its carrier).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class HeapVsDirectBenchmark {
    static final int SIZE = 16 * 1024;

    byte[] response;
    byte[] heap;
    byte[] copyOut;
    ByteBuffer heapBuffer;
    ByteBuffer direct;
    ServerSocket server;
    Socket streamSocket;
    OutputStream stream;
    SocketChannel channel;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        response = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            response[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        heap = new byte[SIZE];
        copyOut = new byte[SIZE];
        heapBuffer = ByteBuffer.allocate(SIZE);
        direct = ByteBuffer.allocateDirect(SIZE);
        System.arraycopy(response, 0, heap, 0, SIZE);
        direct.put(0, response);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = new ServerSocket(0, 8, loopback);
        streamSocket = new Socket(loopback, server.getLocalPort());
        streamSocket.setTcpNoDelay(true);
        stream = streamSocket.getOutputStream();
        drain(server.accept());
        channel = SocketChannel.open(new InetSocketAddress(loopback, server.getLocalPort()));
        channel.socket().setTcpNoDelay(true);
        drain(server.accept());
    }

    /** Reads and drops everything the peer sends, on a platform daemon thread, until it closes. */
    private static void drain(Socket socket) {
        Thread.ofPlatform().daemon().name("drain-" + socket.getPort()).start(() -> {
            byte[] sink = new byte[64 * 1024];
            try (socket; InputStream in = socket.getInputStream()) {
                while (in.read(sink) >= 0) {
                    // drop
                }
            } catch (IOException e) {
                // closed at teardown
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        streamSocket.close();
        channel.close();
        server.close();
    }

    @Benchmark
    public byte[] heapArrayToSocketStream() throws IOException {
        System.arraycopy(response, 0, heap, 0, SIZE);
        stream.write(heap, 0, SIZE);
        return heap;
    }

    @Benchmark
    public byte[] directBufferToSocketStream() throws IOException {
        direct.clear();
        direct.put(response);
        direct.flip();
        direct.get(copyOut);
        stream.write(copyOut, 0, SIZE);
        return copyOut;
    }

    @Benchmark
    public ByteBuffer heapBufferToChannel() throws IOException {
        return toChannel(heapBuffer);
    }

    @Benchmark
    public ByteBuffer directBufferToChannel() throws IOException {
        return toChannel(direct);
    }

    private ByteBuffer toChannel(ByteBuffer b) throws IOException {
        b.clear();
        b.put(response);
        b.flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        return b;
    }

    @Benchmark
    public byte[] fillHeap() {
        System.arraycopy(response, 0, heap, 0, SIZE);
        return heap;
    }

    @Benchmark
    public ByteBuffer fillDirect() {
        direct.put(0, response);
        return direct;
    }

    @Benchmark
    public int scanHeap() {
        byte[] b = heap;
        int lines = 0;
        for (int i = 0; i < SIZE; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    @Benchmark
    public int scanDirect() {
        ByteBuffer b = direct;
        int lines = 0;
        for (int i = 0; i < SIZE; i++) {
            if (b.get(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
