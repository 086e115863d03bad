package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.internal.inprocess.InProcessConnection;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole in-process round trip through {@link AuroraTestClient#of(Aurora)}, as a test does it:
 * build the request, serialize it to bytes, run it through the application's real connection loop
 * (head parser, router, handler, response writer) on a fresh virtual thread, parse the answer back
 * into a {@link TestResponse}, and read its body.
 *
 * <p>The application is built once (not started) with three routes in the shape of
 * {@code examples/hello}:
 * <ul>
 *   <li>{@link #plaintext}: {@code GET /plaintext} answers {@code Hello, World!} as text; the status
 *       and the body text are consumed.</li>
 *   <li>{@link #jsonGet}: {@code GET /json} answers {@code {"message":"Hello, World!"}}, read back as
 *       a {@link Message} with {@link TestResponse#json(Class)}.</li>
 *   <li>{@link #jsonPost}: {@code POST /echo} with the 36-byte JSON body
 *       {@code {"id":42,"name":"Ada","active":true}}, which the handler reads with
 *       {@code ctx.bodyAs(Item.class)} and writes back with {@code ctx.json}; the answer is read as
 *       an {@link Item}.</li>
 * </ul>
 *
 * <p>Lower layers, to show what each adds:
 * <ul>
 *   <li>{@link #exchangePlaintext}: {@link InProcess#exchange} alone with prebuilt request bytes
 *       (the same bytes the client sends for {@link #plaintext}) and no response parsing: the
 *       server's share of {@link #plaintext}.</li>
 *   <li>{@link #exchangePlaintextOnCallingThread}: the same connection loop run on the calling
 *       thread ({@link InProcess#connect}: a new connection per request, served without a thread
 *       hop, then closed): what the server work costs without the hop.</li>
 *   <li>{@link #virtualThreadStartJoin}: start a virtual thread that does nothing and join it, as
 *       {@code serveInMemory} does for every exchange: the floor under {@link #exchangePlaintext}.</li>
 * </ul>
 *
 * <p>JMH runs the benchmark on a platform thread, as JUnit runs a test, so every exchange wakes a
 * carrier thread and is woken back. With {@code -jvmArgsAppend -Djmh.executor=VIRTUAL} the caller
 * is a virtual thread itself (a test that runs on one).
 *
 * <p>The setup checks every answer before measuring. Defaults (3 x 2 s warm-up, 5 x 2 s measured, 1
 * fork) are overridable on the JMH command line; add {@code -prof gc} for bytes allocated per
 * operation ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class InProcessRoundTripBenchmark {

    /** The body of {@code GET /json}. */
    public record Message(String message) {
    }

    /** The body {@code POST /echo} reads and writes back. */
    public record Item(int id, String name, boolean active) {
    }

    static final String TEXT = "Hello, World!";
    static final Message MESSAGE = new Message(TEXT);
    static final Item ITEM = new Item(42, "Ada", true);
    static final Runnable NOTHING = () -> { };

    Aurora app;
    AuroraTestClient client;
    /**
     * The bytes {@code client.get("/plaintext").send()} writes, as {@code TestRequest} builds them
     * (no {@code Cookie}: these routes set none, so the client's jar stays empty).
     */
    byte[] plaintextRequest;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        app = Aurora.create();
        app.get("/plaintext", ctx -> ctx.header("Content-Type", "text/plain").send(TEXT));
        app.get("/json", ctx -> ctx.json(MESSAGE));
        app.post("/echo", ctx -> ctx.json(ctx.bodyAs(Item.class)));
        client = AuroraTestClient.of(app);
        plaintextRequest = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        verify();
    }

    /** Fails the trial if any route answers differently from what the benchmark assumes. */
    private void verify() throws InterruptedException {
        client.get("/plaintext").send().assertStatus(200).assertBody(TEXT);
        client.get("/json").send().assertStatus(200).assertJson("{\"message\":\"Hello, World!\"}");
        if (!MESSAGE.equals(jsonGet())) {
            throw new IllegalStateException("GET /json did not read back as " + MESSAGE);
        }
        if (!ITEM.equals(jsonPost())) {
            throw new IllegalStateException("POST /echo did not echo " + ITEM);
        }
        checkRaw(InProcess.exchange(app, plaintextRequest));
        checkRaw(exchangePlaintextOnCallingThread());
    }

    private static void checkRaw(byte[] answer) {
        String raw = new String(answer, StandardCharsets.ISO_8859_1);
        if (!raw.startsWith("HTTP/1.1 200 ") || !raw.endsWith("\r\n\r\n" + TEXT)) {
            throw new IllegalStateException("unexpected raw answer:\n" + raw);
        }
    }

    @Benchmark
    public void plaintext(Blackhole bh) {
        TestResponse response = client.get("/plaintext").send();
        bh.consume(response.status());
        bh.consume(response.bodyString());
    }

    @Benchmark
    public Message jsonGet() {
        return client.get("/json").send().json(Message.class);
    }

    @Benchmark
    public Item jsonPost() {
        return client.post("/echo").json(ITEM).send().json(Item.class);
    }

    @Benchmark
    public byte[] exchangePlaintext() throws InterruptedException {
        return InProcess.exchange(app, plaintextRequest);
    }

    @Benchmark
    public byte[] exchangePlaintextOnCallingThread() {
        try (InProcessConnection connection = InProcess.connect(app)) {
            return connection.exchange(plaintextRequest);
        }
    }

    @Benchmark
    public Thread virtualThreadStartJoin() throws InterruptedException {
        Thread thread = Thread.ofVirtual().start(NOTHING);
        thread.join();
        return thread;
    }
}
