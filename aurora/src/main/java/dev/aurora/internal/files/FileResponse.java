package dev.aurora.internal.files;

import dev.aurora.Context;
import dev.aurora.internal.http.DateHeader;
import dev.aurora.internal.server.ExchangeAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Answers a request for one resource: validators ({@code ETag}, {@code Last-Modified}), a
 * conditional {@code 304} (RFC 9110 section 13), a single byte range ({@code 206}, {@code 416}),
 * or the whole file with its {@code Content-Length}: sent zero-copy from disk when the connection
 * allows it (a socket, no compression, 64 KiB or more), else streamed through the write buffer.
 */
public final class FileResponse {
    private static final int COPY_BUFFER = 16 * 1024;

    private FileResponse() {
    }

    /**
     * @param cacheControl the {@code Cache-Control} value, or null for none
     */
    public static void send(Context ctx, Resource resource, String contentType, String cacheControl) throws IOException {
        long modifiedSecond = resource.lastModifiedMillis() / 1000;
        String etag = "\"" + Long.toHexString(resource.size()) + "-" + Long.toHexString(resource.lastModifiedMillis()) + "\"";
        String lastModified = resource.lastModifiedMillis() > 0 ? DateHeader.httpDate(modifiedSecond) : null;
        ctx.header("ETag", etag);
        if (lastModified != null) {
            ctx.header("Last-Modified", lastModified);
        }
        if (cacheControl != null) {
            ctx.header("Cache-Control", cacheControl);
        }
        if (notModified(ctx, etag, lastModified == null ? -1 : modifiedSecond)) {
            ctx.status(304).send(new byte[0]);
            return;
        }
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Type", contentType);
        long size = resource.size();
        ByteRange.Result range = "GET".equals(ctx.method()) && rangeApplies(ctx, etag, lastModified)
                ? ByteRange.parse(ctx.header("Range"), size)
                : new ByteRange.Ignore();
        switch (range) {
            case ByteRange.Unsatisfiable u -> {
                ctx.header("Content-Range", "bytes */" + size);
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

    /**
     * {@code If-None-Match} (weak comparison) wins over {@code If-Modified-Since}, which is only
     * read when the former is absent (RFC 9110 section 13.1.3).
     */
    private static boolean notModified(Context ctx, String etag, long modifiedSecond) {
        String noneMatch = ctx.header("If-None-Match");
        if (noneMatch != null) {
            return matchesAny(noneMatch, etag);
        }
        String since = ctx.header("If-Modified-Since");
        if (since == null || modifiedSecond < 0) {
            return false;
        }
        long date = DateHeader.parseHttpDate(since);
        return date >= 0 && modifiedSecond <= date;
    }

    /** {@code If-Range} honours the range only for an exact strong ETag or the exact date. */
    private static boolean rangeApplies(Context ctx, String etag, String lastModified) {
        String ifRange = ctx.header("If-Range");
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        return value.startsWith("\"") ? value.equals(etag) : value.equals(lastModified);
    }

    private static boolean matchesAny(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.startsWith("W/") && tag.substring(2).equals(etag)) {
                return true;
            }
        }
        return false;
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
