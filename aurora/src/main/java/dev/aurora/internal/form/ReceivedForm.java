package dev.aurora.internal.form;

import dev.aurora.FormConfig;
import dev.aurora.form.Form;
import dev.aurora.form.FormFile;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form read whole from a {@link FormStream}: fields as strings, files in memory up to the
 * threshold and in temporary files beyond it. {@link #close()} deletes every temporary file; if
 * reading fails part way, the files made so far are deleted before the failure propagates.
 */
public final class ReceivedForm implements Form, AutoCloseable {
    private static final String TEMP_PREFIX = "aurora-upload-";

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final List<ReceivedFile> files = new ArrayList<>();

    private ReceivedForm() {
    }

    /** Reads every part of {@code parts}, with the limits of {@code config}. */
    public static ReceivedForm read(FormStream parts, FormConfig config) throws IOException {
        ReceivedForm form = new ReceivedForm();
        try {
            for (FormPart part = parts.next(); part != null; part = parts.next()) {
                if (part.isFile()) {
                    form.files.add(receive((StreamedPart) part, config));
                } else {
                    form.fields.computeIfAbsent(part.name(), k -> new ArrayList<>(1)).add(part.value());
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            form.close();
            throw e;
        }
        return form;
    }

    /** Keeps the file in memory while it is small, else streams it to a temporary file. */
    private static ReceivedFile receive(StreamedPart part, FormConfig config) throws IOException {
        byte[] head = part.readNBytes(config.memoryThreshold() + 1);
        if (head.length <= config.memoryThreshold()) {
            return new ReceivedFile(part, head, null, head.length);
        }
        Path dir = config.tempDirectory();
        // createTempFile makes the file readable by its owner only (on POSIX file systems).
        Path temp = dir == null ? Files.createTempFile(TEMP_PREFIX, ".part") : Files.createTempFile(dir, TEMP_PREFIX, ".part");
        long size;
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(head);
            size = head.length + part.inputStream().transferTo(out);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new ReceivedFile(part, null, temp, size);
    }

    @Override
    public String value(String name) {
        List<String> v = fields.get(name);
        return v == null ? null : v.get(0);
    }

    @Override
    public List<String> values(String name) {
        return List.copyOf(fields.getOrDefault(name, List.of()));
    }

    @Override
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(fields.keySet());
    }

    @Override
    public FormFile file(String name) {
        for (ReceivedFile f : files) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public List<FormFile> files(String name) {
        List<FormFile> out = new ArrayList<>(1);
        for (ReceivedFile f : files) {
            if (f.name().equals(name)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public List<FormFile> files() {
        return List.copyOf(files);
    }

    /** Deletes every temporary file; a failure to delete one does not stop the others. */
    @Override
    public void close() {
        IOException first = null;
        for (ReceivedFile f : files) {
            try {
                f.delete();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw new UncheckedIOException("Could not delete a temporary upload file", first);
        }
    }
}
