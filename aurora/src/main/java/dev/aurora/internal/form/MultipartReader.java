package dev.aurora.internal.form;

import dev.aurora.FormConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code multipart/form-data} body (RFC 7578 over RFC 2046) read part by part from the request
 * body stream through one buffer: the preamble and epilogue are skipped, transport padding after a
 * delimiter is allowed, a part's bytes end at {@code CRLF--boundary}. Only bytes that cannot be the
 * start of a delimiter are handed out, so a part never holds more than the buffer in memory.
 * One thread at a time.
 */
final class MultipartReader implements FormStream {
    private static final int BUFFER = 16 * 1024;
    /** Where the buffer starts: most forms without files fit, and bigger bodies grow it on their first full read. */
    private static final int FIRST_BUFFER = 2 * 1024;

    private final InputStream body;
    private final FormConfig config;
    /** {@code CRLF--boundary}: every delimiter, the first one included (see the constructor). */
    private final byte[] delimiter;
    /** What {@link #buf} grows to: {@link #BUFFER}, or more when a header line could be longer. */
    private final int capacity;
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private boolean finished;
    private int parts;
    private int files;
    private Part current;

    MultipartReader(InputStream body, String boundary, FormConfig config) {
        this.body = body;
        this.config = config;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // A header line must fit whole: the buffer can grow past the header limit.
        this.capacity = Math.max(BUFFER, config.maxPartHeaderSize() + 4 * delimiter.length);
        this.buf = new byte[Math.min(FIRST_BUFFER, capacity)];
        // A body may start with its first delimiter: a CRLF in front lets one search find every delimiter.
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
    }

    @Override
    public FormPart next() throws IOException {
        if (finished) {
            return null;
        }
        if (current != null) {
            current.skipRest();
            current = null;
        } else if (!started) {
            skipToDelimiter();
        }
        started = true;
        if (afterDelimiter()) {
            finished = true;
            return null;
        }
        Part part = readHeaders();
        current = part;
        return part;
    }

    /** Discards the preamble. */
    private void skipToDelimiter() throws IOException {
        while (true) {
            int at = indexOfDelimiter();
            if (at >= 0) {
                pos = at + delimiter.length;
                return;
            }
            pos = Math.max(pos, lim - (delimiter.length - 1));
            if (!fill()) {
                throw new BadRequestException("Multipart body has no boundary delimiter");
            }
        }
    }

    /** Reads what follows a delimiter: {@code --} ends the body (true), else padding and CRLF. */
    private boolean afterDelimiter() throws IOException {
        need(2, "Multipart body ends inside a boundary delimiter");
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2;
            return true;
        }
        while (true) {
            need(1, "Multipart body ends inside a boundary delimiter");
            byte b = buf[pos];
            if (b != ' ' && b != '\t') {
                break;
            }
            pos++;
        }
        need(2, "Multipart body ends inside a boundary delimiter");
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new BadRequestException("Multipart boundary delimiter not followed by CRLF");
        }
        pos += 2;
        return false;
    }

    private Part readHeaders() throws IOException {
        if (++parts > config.maxParts()) {
            throw new PayloadTooLargeException("Form has more than " + config.maxParts() + " parts");
        }
        String disposition = null;
        String type = null;
        int headerBytes = 0;
        while (true) {
            int eol = lineEnd(config.maxPartHeaderSize() - headerBytes);
            int length = eol - pos;
            headerBytes += length + 2;
            if (length == 0) {
                pos = eol + 2;
                break;
            }
            String line = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos = eol + 2;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException("Malformed multipart part header: no colon");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition") && disposition == null) {
                disposition = value;
            } else if (name.equals("content-type") && type == null) {
                type = value;
            }
        }
        ContentDisposition cd = ContentDisposition.parse(disposition);
        boolean file = cd.filename() != null;
        if (file && ++files > config.maxFiles()) {
            throw new PayloadTooLargeException("Form has more than " + config.maxFiles() + " files");
        }
        return new Part(cd.name(), cd.filename(), type, file ? config.maxFileSize() : config.maxFieldSize());
    }

    /** The index of the CRLF ending the line at {@link #pos}, reading more as needed, within {@code budget} bytes. */
    private int lineEnd(int budget) throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i + 1 < lim; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    if (i - pos + 2 > budget) {
                        throw partHeadersTooLong();
                    }
                    return i;
                }
            }
            if (lim - pos >= budget) {
                throw partHeadersTooLong();
            }
            int kept = Math.max(lim - 1, pos) - pos;
            if (!fill()) {
                throw new BadRequestException("Multipart body ends inside a part's headers");
            }
            scanned = pos + kept;
        }
    }

    private PayloadTooLargeException partHeadersTooLong() {
        return new PayloadTooLargeException("Multipart part headers longer than " + config.maxPartHeaderSize() + " bytes");
    }

    /** Makes at least {@code n} bytes available at {@link #pos}, or fails with {@code message}. */
    private void need(int n, String message) throws IOException {
        while (lim - pos < n) {
            if (!fill()) {
                throw new BadRequestException(message);
            }
        }
    }

    /** Moves what is unread to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            // Only a part header line can fill the buffer; its limit is checked before.
            throw partHeadersTooLong();
        }
        int n = body.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        if (lim == buf.length && buf.length < capacity) {
            // The body is longer than the first buffer: fewer, larger reads from here on.
            buf = Arrays.copyOf(buf, capacity);
        }
        return true;
    }

    /** The start of the first whole delimiter in {@code buf[pos, lim)}, or -1. */
    private int indexOfDelimiter() {
        byte[] d = delimiter;
        int last = lim - d.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != '\r') {
                continue;
            }
            for (int j = 1; j < d.length; j++) {
                if (buf[i + j] != d[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The current part's bytes, up to the next delimiter. */
    private final class Part extends StreamedPart {
        private final InputStream in = new PartInputStream();
        private boolean done;
        private long read;

        Part(String name, String filename, String contentType, long limit) {
            super(name, filename, contentType, limit);
        }

        @Override
        public InputStream inputStream() {
            return in;
        }

        /** A field read from the buffer without a copy when its delimiter is already there. */
        @Override
        public String value() throws IOException {
            int at = buffered();
            if (at < 0) {
                return super.value();
            }
            String v = new String(buf, pos, count(at - pos), charset());
            finish(at);
            return v;
        }

        @Override
        byte[] readNBytes(int max) throws IOException {
            int at = buffered();
            if (at < 0 || at - pos > max) {
                return super.readNBytes(max);
            }
            byte[] b = Arrays.copyOfRange(buf, pos, pos + count(at - pos));
            finish(at);
            return b;
        }

        /** The delimiter ending the part when the rest of the part is in the buffer, else -1. */
        private int buffered() {
            return done ? -1 : indexOfDelimiter();
        }

        /** Counts {@code n} more bytes handed out against the limit. */
        private int count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
            return n;
        }

        /** Moves past the delimiter at {@code at}: the part has ended. */
        private void finish(int at) {
            pos = at + delimiter.length;
            done = true;
        }

        /** Reads the rest of the part without holding it (the limits still apply). */
        void skipRest() throws IOException {
            while (in.skip(Long.MAX_VALUE) > 0) {
                // skip() returns 0 only at the end of the part
            }
        }

        private final class PartInputStream extends InputStream {
            @Override
            public int read() throws IOException {
                int n = next(1);
                return n < 0 ? -1 : buf[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = next(len);
                if (n > 0) {
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                int k = next((int) Math.min(n, Integer.MAX_VALUE));
                if (k < 0) {
                    return 0;
                }
                pos += k;
                return k;
            }

            @Override
            public int available() {
                return 0;
            }

            /** How many part bytes at {@link #pos} can be handed out now (at most {@code max}); -1 at its end. */
            private int next(int max) throws IOException {
                if (done) {
                    return -1;
                }
                while (true) {
                    int at = indexOfDelimiter();
                    int ready = at >= 0 ? at - pos : lim - pos - (delimiter.length - 1);
                    if (at == pos) {
                        finish(at);
                        return -1;
                    }
                    if (ready > 0) {
                        return count(Math.min(ready, max));
                    }
                    if (!fill()) {
                        throw new BadRequestException("Multipart body ends before its closing boundary");
                    }
                }
            }
        }
    }
}
