package dev.aurora.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.aurora.Aurora;
import dev.aurora.Context;
import dev.aurora.FormConfig;
import dev.aurora.ServerConfig;
import dev.aurora.form.FormFile;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The server of {@code benchmarks/upload-heap.sh}: uploads far larger than the heap, each file
 * part hashed with SHA-256 and never held. {@code POST /stream} reads the form part by part
 * ({@code ctx.formStream()}, the file's bytes straight from the connection); {@code POST /form}
 * reads it whole ({@code ctx.form()}: the file waits in a temporary file under the spool
 * directory, then is hashed from there). Both answer with one line of {@code key=value} pairs:
 * the file's size and hash, the heap in use when the handler starts (after a full collection)
 * and its peak during the request (sampled every
 * {@link #SAMPLE_MILLIS} ms), the most heap left in use after any collection during it (what the
 * upload keeps alive), the number of collections and the bytes allocated by every thread.
 *
 * <p>Run: {@code java -Xmx32m -cp benchmarks/target/benchmarks.jar
 * dev.aurora.benchmarks.UploadHeapApp PORT SPOOL_DIR}. One upload at a time: the figures are
 * JVM-wide.
 */
public final class UploadHeapApp {
    static final int SAMPLE_MILLIS = 5;
    /** The handler's copy buffer, one per upload, as an application hashing or forwarding a part would have. */
    private static final int COPY_BUFFER = 64 * 1024;

    private UploadHeapApp() {
    }

    /** @param args port, directory for {@code ctx.form()}'s temporary files */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Path spool = Path.of(args[1]);
        HeapWatch heap = new HeapWatch();
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxBodySize(Long.MAX_VALUE))
                .forms(FormConfig.defaults().withTempDirectory(spool))
                .post("/stream", ctx -> {
                    heap.start();
                    FormStream parts = ctx.formStream();
                    String answer = "";
                    for (FormPart part = parts.next(); part != null; part = parts.next()) {
                        if (part.isFile()) {
                            answer = hash(part.inputStream());
                        }
                    }
                    reply(ctx, "stream", answer, heap);
                })
                .post("/form", ctx -> {
                    heap.start();
                    FormFile file = ctx.form().file("file");
                    String answer;
                    try (InputStream in = file.inputStream()) {
                        answer = hash(in);
                    }
                    reply(ctx, "form", answer, heap);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start(port);
        System.out.println("UploadHeapApp listening on 127.0.0.1:" + app.port() + ", heap max "
                + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
    }

    /** {@code size=N sha256=HEX} of everything {@code in} gives. */
    private static String hash(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[COPY_BUFFER];
        long size = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            sha.update(buf, 0, n);
            size += n;
        }
        return "size=" + size + " sha256=" + HexFormat.of().formatHex(sha.digest());
    }

    private static void reply(Context ctx, String route, String answer, HeapWatch heap) {
        String line = "route=" + route + " " + answer + " " + heap.stop();
        System.out.println(line);
        ctx.contentType("text/plain").send(line + "\n");
    }

    /**
     * Heap figures over one request: a daemon thread samples the heap in use, a listener on every
     * collector keeps the most heap in use after a collection.
     */
    static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong maxAfterGc = new AtomicLong();
        private volatile boolean watching;
        private long heapAtStart;
        private long gcsAtStart;
        private long allocatedAtStart;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                    if (watching && n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo().getMemoryUsageAfterGc();
                        // The map holds the non-heap pools (metaspace, code cache) too.
                        long used = heapPools.stream().map(after::get).filter(u -> u != null).mapToLong(MemoryUsage::getUsed).sum();
                        maxAfterGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
            Thread sampler = new Thread(() -> {
                while (true) {
                    if (watching) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    }
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void start() {
            // A full collection first, so the peak shows what the upload adds, not start-up garbage.
            System.gc();
            heapAtStart = memory.getHeapMemoryUsage().getUsed();
            peak.set(heapAtStart);
            maxAfterGc.set(0);
            gcsAtStart = gcCount();
            allocatedAtStart = threads.getTotalThreadAllocatedBytes();
            watching = true;
        }

        /** The figures since {@link #start()}, as {@code key=value} pairs. */
        String stop() {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            watching = false;
            return "heap_at_start=" + heapAtStart + " peak_heap=" + peak.get() + " max_after_gc=" + maxAfterGc.get() + " heap_max=" + memory.getHeapMemoryUsage().getMax()
                    + " gcs=" + (gcCount() - gcsAtStart) + " allocated=" + (threads.getTotalThreadAllocatedBytes() - allocatedAtStart);
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }
    }
}
