package dev.aurora.internal.form;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A body that hands out at most {@code step} bytes per read, as a slow network does. */
final class Trickle extends ByteArrayInputStream {
    private final int step;

    Trickle(byte[] bytes, int step) {
        super(bytes);
        this.step = step;
    }

    static InputStream of(String body, int step) {
        return new Trickle(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), step);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
    }
}
