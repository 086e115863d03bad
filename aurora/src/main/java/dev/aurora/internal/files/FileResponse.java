package dev.aurora.internal.files;

import dev.aurora.Context;
import dev.aurora.internal.conditional.ConditionalResponse;
import dev.aurora.internal.conditional.Preconditions;
import dev.aurora.internal.server.ExchangeAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Answers a request for one resource: validators ({@code ETag}, {@code Last-Modified}) and the
 * preconditions of RFC 9110 section 13 through {@link ConditionalResponse} (a {@code 304}, or
 * {@code 412} for a failed {@code If-Match} or {@code If-Unmodified-Since}), a single byte range
 * ({@code 206}, {@code 416}; {@code If-Range} honoured),
 * or the whole file with its {@code Content-Length}: sent zero-copy from disk when the connection
 * allows it (a socket, no compression, 64 KiB or more), else streamed through the write buffer.
 */
public final class FileResponse {
    private static final int COPY_BUFFER = 16 * 1024;

    private FileResponse() {
    }

    /**
     * @param cacheControl the {@code Cache-Control} value, or null for none
     * @throws dev.aurora.error.PreconditionFailedException ({@code 412}) when {@code If-Match} or
     *     {@code If-Unmodified-Since} fails
     */
    public static void send(Context ctx, Resource resource, String contentType, String cacheControl) throws IOException {
        long size = resource.size();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(resource.lastModifiedMillis()) + "\"";
        long modifiedSecond = resource.lastModifiedMillis() > 0 ? resource.lastModifiedMillis() / 1000 : Preconditions.NO_DATE;
        if (cacheControl != null) {
            ctx.header("Cache-Control", cacheControl);
        }
        // Set before a 304 too: Compression judges it by the type, and the writer leaves it out.
        ctx.header("Content-Type", contentType);
        if (ConditionalResponse.answer(ctx, etag, modifiedSecond, size)) {
            return;
        }
        ctx.header("Accept-Ranges", "bytes");
        ByteRange.Result range = "GET".equals(ctx.method()) && Preconditions.rangeApplies(ctx.headers("If-Range"), etag, modifiedSecond)
                ? ByteRange.parse(ctx.header("Range"), size)
                : new ByteRange.Ignore();
        switch (range) {
            case ByteRange.Unsatisfiable u -> {
                ctx.header("Content-Range", "bytes */" + size);
                // The file's type would describe content this answer does not have.
                ctx.removeHeader("Content-Type");
                ctx.status(416).send(new byte[0]);
            }
            case ByteRange.Satisfiable s -> {
                ByteRange r = s.range();
                ctx.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
                ctx.status(206);
                stream(ctx, resource, r.first(), r.length());
            }
            case ByteRange.Ignore i -> stream(ctx, resource, 0, size);
        }
    }

    private static void stream(Context ctx, Resource resource, long first, long length) throws IOException {
        ctx.header("Content-Length", Long.toString(length));
        if (resource.path() != null && !"HEAD".equals(ctx.method())) {
            try (FileChannel file = FileChannel.open(resource.path(), StandardOpenOption.READ)) {
                if (ExchangeAccess.sendFile(ctx, file, first, length)) {
                    return;
                }
            }
        }
        OutputStream out = ctx.outputStream();
        if ("HEAD".equals(ctx.method())) {
            // The headers, with the file's length, are all a HEAD gets; the file is not opened.
            out.close();
            return;
        }
        try (InputStream in = resource.open()) {
            in.skipNBytes(first);
            byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, length))];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("file " + resource.fileName() + " shrank while being sent");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        out.close();
    }
}
