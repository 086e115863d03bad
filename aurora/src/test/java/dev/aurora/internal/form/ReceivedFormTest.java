package dev.aurora.internal.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.FormConfig;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.form.FormFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole forms: small files in memory, larger ones in temporary files that never outlive the form. */
class ReceivedFormTest {
    @TempDir
    Path temp;

    private static String body(int bigFileBytes) {
        return "--XyZ\r\nContent-Disposition: form-data; name=title\r\n\r\nDune\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=tag\r\n\r\na\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=tag\r\n\r\nb\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=small; filename=s.txt\r\nContent-Type: text/plain\r\n\r\nsmall\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=big; filename=b.bin\r\n\r\n" + "B".repeat(bigFileBytes) + "\r\n"
                + "--XyZ--\r\n";
    }

    private FormConfig config() {
        return FormConfig.defaults().withMemoryThreshold(16).withTempDirectory(temp);
    }

    private long spooled() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.count();
        }
    }

    private ReceivedForm read(String body, FormConfig config) throws IOException {
        return ReceivedForm.read(new MultipartReader(Trickle.of(body, 1000), "XyZ", config), config);
    }

    @Test
    void fieldsAndFilesAreThereAndTemporaryFilesGoAtClose() throws IOException {
        ReceivedForm form = read(body(100_000), config());
        assertEquals("Dune", form.value("title"));
        assertEquals(List.of("a", "b"), form.values("tag"));
        assertEquals(List.of("title", "tag"), List.copyOf(form.names()));
        assertNull(form.value("small"), "files are not fields");
        FormFile small = form.file("small");
        assertEquals("s.txt", small.filename());
        assertEquals("text/plain", small.contentType());
        assertArrayEquals("small".getBytes(StandardCharsets.UTF_8), small.bytes());
        FormFile big = form.file("big");
        assertEquals(100_000, big.size());
        assertEquals(100_000, big.inputStream().readAllBytes().length);
        assertEquals(2, form.files().size());
        assertEquals(1, spooled(), "only the big file is on disk");
        form.close();
        assertEquals(0, spooled());
    }

    @Test
    void saveToMovesTheTemporaryFile() throws IOException {
        Path kept = Files.createTempFile("kept", ".bin");
        try (ReceivedForm form = read(body(50_000), config())) {
            form.file("big").saveTo(kept);
            assertEquals(0, spooled(), "moved, not copied");
            form.file("small").saveTo(kept.resolveSibling(kept.getFileName() + ".small"));
            assertThrows(IllegalStateException.class, () -> form.file("big").bytes());
        }
        assertEquals(50_000, Files.size(kept));
        Files.delete(kept);
        Files.delete(kept.resolveSibling(kept.getFileName() + ".small"));
    }

    @Test
    void aFailurePartWayDeletesWhatWasSpooled() throws IOException {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=a; filename=a\r\n\r\n" + "A".repeat(10_000) + "\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=b; filename=b\r\n\r\n" + "B".repeat(10_000) + "\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=c; filename=c\r\n\r\n" + "C".repeat(10_000) + "\r\n";
        // The second file breaks its limit while it is written; the body also ends without a close.
        assertThrows(PayloadTooLargeException.class, () -> read(body.replace("B".repeat(10_000), "B".repeat(20_000)),
                config().withMaxFileSize(15_000)));
        assertEquals(0, spooled());
        assertEquals("Multipart body ends before its closing boundary",
                assertThrows(dev.aurora.error.BadRequestException.class, () -> read(body.substring(0, body.length() - 100), config())).getMessage());
        assertEquals(0, spooled());
    }

    @Test
    void aZeroThresholdSpoolsEveryFile() throws IOException {
        try (ReceivedForm form = read(body(10), config().withMemoryThreshold(0))) {
            assertEquals(2, spooled());
            assertFalse(form.files().isEmpty());
        }
        assertEquals(0, spooled());
    }

    @Test
    void aFileAtTheThresholdStaysInMemory() throws IOException {
        try (ReceivedForm form = read(body(16), config())) {
            assertEquals(16, form.file("big").size());
            assertEquals(0, spooled());
            assertTrue(form.file("big").inputStream().readAllBytes().length == 16);
        }
    }
}
