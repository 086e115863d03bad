package dev.aurora.internal.form;

import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.form.FormPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every form part shares: its names, its type and the limit its bytes count against, the
 * field's text value and streaming into a file. The bytes come from {@link #inputStream()}.
 */
abstract class StreamedPart implements FormPart {
    final PartHeaders headers;
    /** Bytes the part may have: the field or the file limit. */
    final long limit;

    StreamedPart(String name, String submittedFilename, String contentType, long limit) {
        this.headers = PartHeaders.of(name, submittedFilename, contentType);
        this.limit = limit;
    }

    @Override
    public String name() {
        return headers.name();
    }

    @Override
    public boolean isFile() {
        return headers.submittedFilename() != null;
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

    /** The 413 for a part that went past {@link #limit}. */
    PayloadTooLargeException tooLarge() {
        return isFile()
                ? new PayloadTooLargeException("File '" + name() + "' larger than " + limit + " bytes")
                : new PayloadTooLargeException("Field '" + name() + "' longer than " + limit + " bytes");
    }

    @Override
    public String value() throws IOException {
        return new String(inputStream().readAllBytes(), charset());
    }

    /** Up to {@code max} bytes of the part, read whole. */
    byte[] readNBytes(int max) throws IOException {
        return inputStream().readNBytes(max);
    }

    @Override
    public long saveTo(Path target) throws IOException {
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(target)) {
            long n = inputStream().transferTo(out);
            done = true;
            return n;
        } finally {
            if (!done) {
                Files.deleteIfExists(target);
            }
        }
    }

    /** The part's {@code charset} parameter when the JDK knows it, else UTF-8 (what browsers send). */
    final Charset charset() {
        String type = contentType();
        // No parameters (the usual text/plain of a field): nothing to parse.
        String name = type.indexOf(';') < 0 ? null : HeaderValue.parse(type).parameter("charset");
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // Fall through: a field's bytes are far more likely UTF-8 than unreadable.
            }
        }
        return StandardCharsets.UTF_8;
    }
}
