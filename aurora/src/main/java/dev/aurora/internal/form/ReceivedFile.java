package dev.aurora.internal.form;

import dev.aurora.form.FormFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** An uploaded file held in memory, or in a temporary file that {@link #delete()} removes. */
final class ReceivedFile implements FormFile {
    private final PartHeaders headers;
    private final long size;
    private final byte[] memory;
    /** The temporary file; null once it was moved away or deleted, or for a file in memory. */
    private Path spooled;

    ReceivedFile(StreamedPart part, byte[] memory, Path spooled, long size) {
        this.headers = part.headers;
        this.memory = memory;
        this.spooled = spooled;
        this.size = size;
    }

    @Override
    public String name() {
        return headers.name();
    }

    @Override
    public String filename() {
        return headers.filename();
    }

    @Override
    public String submittedFilename() {
        return headers.submittedFilename();
    }

    @Override
    public String contentType() {
        return headers.contentType();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream inputStream() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : Files.newInputStream(file());
    }

    @Override
    public byte[] bytes() throws IOException {
        return memory != null ? memory.clone() : Files.readAllBytes(file());
    }

    @Override
    public void saveTo(Path target) throws IOException {
        if (memory != null) {
            Files.write(target, memory);
            return;
        }
        Path source = file();
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Another file system: copy, and the temporary file is deleted with the others.
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        spooled = null;
    }

    private Path file() {
        if (spooled == null) {
            throw new IllegalStateException("The upload '" + headers.name() + "' was already moved by saveTo");
        }
        return spooled;
    }

    /** Removes the temporary file, if there still is one. */
    void delete() throws IOException {
        Path p = spooled;
        spooled = null;
        if (p != null) {
            Files.deleteIfExists(p);
        }
    }
}
