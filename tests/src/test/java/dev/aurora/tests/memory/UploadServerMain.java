package dev.aurora.tests.memory;

import dev.aurora.Aurora;
import dev.aurora.FormConfig;
import dev.aurora.ServerConfig;
import dev.aurora.form.FormFile;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server for uploads far larger than its heap: {@code /upload} reads the whole form (the file
 * waits in a temporary file), {@code /stream} writes each file part straight to disk. Both answer
 * with the size saved and the heap's peak use so far. Args: the spool and the target directory.
 */
public final class UploadServerMain {
    private UploadServerMain() {
    }

    public static void main(String[] args) {
        Path spool = Path.of(args[0]);
        Path saved = Path.of(args[1]);
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxBodySize(2L << 30))
                .forms(FormConfig.defaults().withTempDirectory(spool))
                .post("/upload", ctx -> {
                    FormFile file = ctx.form().file("file");
                    file.saveTo(saved.resolve("form-" + file.filename()));
                    ctx.send(file.size() + " " + peakHeap());
                })
                .post("/stream", ctx -> {
                    FormStream parts = ctx.formStream();
                    long size = 0;
                    for (FormPart part = parts.next(); part != null; part = parts.next()) {
                        if (part.isFile()) {
                            size += part.saveTo(saved.resolve("stream-" + part.filename()));
                        }
                    }
                    ctx.send(size + " " + peakHeap());
                })
                .start(0);
        System.out.println("PORT " + app.port());
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }

    /** The largest heap use any pool has seen (bytes), young and old together. */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
