package dev.aurora.internal.websocket;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF), fed in any number of pieces: a character may be split between frames of a message.
 * State is what the next byte must be: how many continuation bytes are still due and the range
 * of the first of them (narrower after E0, ED, F0 and F4). One per session, on its reading thread.
 */
public final class Utf8Validator {
    private int need;
    private int lo = 0x80;
    private int hi = 0xBF;

    /** A validator at the start of a text. */
    public Utf8Validator() {
    }

    /** @return false as soon as the bytes so far cannot start a valid text */
    public boolean feed(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (need == 0) {
                // ASCII runs in a tight loop, outside the state machine.
                while (i < end && b[i] >= 0) {
                    i++;
                }
                if (i == end) {
                    break;
                }
            }
            int c = b[i++] & 0xFF;
            if (need == 0) {
                if (c < 0x80) {
                    continue;
                }
                if (!lead(c)) {
                    return false;
                }
            } else {
                if (c < lo || c > hi) {
                    return false;
                }
                need--;
                lo = 0x80;
                hi = 0xBF;
            }
        }
        return true;
    }

    /** Sets the state for lead byte {@code c}; false when it cannot lead a character. */
    private boolean lead(int c) {
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        return true;
    }

    /** @return whether the text ended on a character boundary; resets for the next text */
    public boolean complete() {
        boolean ok = need == 0;
        reset();
        return ok;
    }

    void reset() {
        need = 0;
        lo = 0x80;
        hi = 0xBF;
    }

    /** Whether {@code b[off, off+len)} is a whole valid text. */
    static boolean valid(byte[] b, int off, int len) {
        Utf8Validator v = new Utf8Validator();
        return v.feed(b, off, len) && v.complete();
    }
}
