package dev.aurora.benchmarks;

import dev.aurora.FormConfig;
import dev.aurora.form.Form;
import dev.aurora.form.FormFile;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import dev.aurora.internal.form.FormReading;
import dev.aurora.internal.form.ReceivedForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
 * What {@code ctx.form()} and {@code ctx.formStream()} do to a request body, without HTTP: the
 * reader {@link FormReading#open} picks from the {@code Content-Type} (as {@code Exchange.openForm}
 * calls it), over an in-memory body rewound before each operation in place of the connection's
 * body stream, with {@link FormConfig#defaults()}.
 *
 * <ul>
 *   <li>{@link #urlencodedForm}: {@code ReceivedForm.read} of a 3-field urlencoded body (51 bytes,
 *       with {@code +} and {@code %XX} escapes), as {@code ctx.form()} does.</li>
 *   <li>{@link #multipartForm}: {@code ReceivedForm.read} of a 2-part multipart body (531 bytes): a
 *       text field and a 256-byte file, which stays in memory (under the 16 KiB threshold).</li>
 *   <li>{@link #multipartStream}: the same body through the {@link FormStream} as a
 *       {@code ctx.formStream()} handler iterates it: the field's {@code value()}, the file's bytes
 *       read into the handler's own buffer.</li>
 *   <li>{@link #urlencodedStream}: the urlencoded body through the stream, each {@code value()}.</li>
 * </ul>
 *
 * <p>The setup checks every field, file name, type and byte before measuring.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh FormParse -prof gc -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
// Tens of KB per operation: on JMH's default (growing) heap, first touches of fresh heap pages
// made iterations swing between 0.6 and 95 us on this VM; a fixed, pre-touched heap does not.
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class FormParseBenchmark {
    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String URLENCODED_BODY = "title=Dune+Messiah&author=Frank%20Herbert&year=1969";
    static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    static final int FILE_SIZE = 256;

    private final FormConfig config = FormConfig.defaults();
    private final Body urlencoded = new Body(URLENCODED_BODY.getBytes(StandardCharsets.US_ASCII));
    private final byte[] file = fileBytes();
    private final Body multipart = new Body(multipartBody(file));
    /** A streaming handler's own copy buffer, allocated once as a handler would per upload. */
    private final byte[] sink = new byte[8192];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        for (int round = 0; round < 3; round++) {
            Form u = urlencodedForm();
            expect(List.of(u.value("title"), u.value("author"), u.value("year")), List.of("Dune Messiah", "Frank Herbert", "1969"));
            Form m = multipartForm();
            FormFile f = m.file("cover");
            expect(List.of(m.value("title"), f.filename(), f.contentType()), List.of("Dune", "dune.png", "image/png"));
            if (!Arrays.equals(f.bytes(), file)) {
                throw new IllegalStateException("file bytes differ");
            }
            expect(streamed(urlencoded), List.of("title=Dune Messiah", "author=Frank Herbert", "year=1969"));
            expect(streamed(multipart), List.of("title=Dune", "cover=" + FILE_SIZE));
        }
    }

    private static void expect(List<?> got, List<?> expected) {
        if (!got.equals(expected)) {
            throw new IllegalStateException("got " + got + ", expected " + expected);
        }
    }

    /** Each part as {@code name=value}, a file as {@code name=size}. */
    private List<String> streamed(Body body) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        FormStream parts = FormReading.open(body.contentType(), "POST", body.rewind(), config);
        for (FormPart p = parts.next(); p != null; p = parts.next()) {
            out.add(p.name() + "=" + (p.isFile() ? String.valueOf(p.inputStream().readAllBytes().length) : p.value()));
        }
        return out;
    }

    private static byte[] fileBytes() {
        byte[] b = new byte[FILE_SIZE];
        new java.util.Random(17).nextBytes(b);
        return b;
    }

    private static byte[] multipartBody(byte[] file) {
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "Dune\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"cover\"; filename=\"dune.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + file.length + t.length);
        System.arraycopy(file, 0, out, h.length, file.length);
        System.arraycopy(t, 0, out, h.length + file.length, t.length);
        return out;
    }

    @Benchmark
    public Form urlencodedForm() throws IOException {
        return ReceivedForm.read(FormReading.open(URLENCODED, "POST", urlencoded.rewind(), config), config);
    }

    @Benchmark
    public Form multipartForm() throws IOException {
        return ReceivedForm.read(FormReading.open(MULTIPART, "POST", multipart.rewind(), config), config);
    }

    @Benchmark
    public void urlencodedStream(Blackhole bh) throws IOException {
        FormStream parts = FormReading.open(URLENCODED, "POST", urlencoded.rewind(), config);
        for (FormPart p = parts.next(); p != null; p = parts.next()) {
            bh.consume(p.value());
        }
    }

    @Benchmark
    public void multipartStream(Blackhole bh) throws IOException {
        FormStream parts = FormReading.open(MULTIPART, "POST", multipart.rewind(), config);
        for (FormPart p = parts.next(); p != null; p = parts.next()) {
            if (p.isFile()) {
                InputStream in = p.inputStream();
                for (int n; (n = in.read(sink)) > 0; ) {
                    bh.consume(sink[n - 1]);
                }
                bh.consume(p.filename());
            } else {
                bh.consume(p.value());
            }
        }
    }

    /**
     * A request body served from a byte array and rewound before each operation, so the operation
     * does not count a new stream (the connection's body stream exists before the handler runs).
     */
    private static final class Body extends InputStream {
        private final byte[] bytes;
        private int pos;

        Body(byte[] bytes) {
            this.bytes = bytes;
        }

        Body rewind() {
            pos = 0;
            return this;
        }

        String contentType() {
            return bytes[0] == '-' ? MULTIPART : URLENCODED;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = Math.min(len, bytes.length - pos);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
