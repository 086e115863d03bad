package dev.aurora.internal.form;

import java.nio.charset.StandardCharsets;

/**
 * Turns a submitted file name into one that is safe as the last element of a path on any common
 * file system: the part after the last {@code /} or {@code \} (browsers once sent whole paths),
 * without control characters or {@code < > : " | ? *}, without leading dots or trailing dots and
 * spaces (Windows drops those, so {@code "a.txt."} would alias {@code "a.txt"}), at most 255 bytes
 * of UTF-8 with the extension kept. Stateless.
 */
final class SafeFilename {
    static final String FALLBACK = "upload";
    private static final int MAX_BYTES = 255;

    private SafeFilename() {
    }

    static String of(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        int cut = Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\'));
        String base = submitted.substring(cut + 1);
        StringBuilder out = new StringBuilder(base.length());
        base.codePoints().filter(SafeFilename::allowed).forEach(out::appendCodePoint);
        int start = 0;
        while (start < out.length() && (out.charAt(start) == '.' || out.charAt(start) == ' ')) {
            start++;
        }
        int end = out.length();
        while (end > start && (out.charAt(end - 1) == '.' || out.charAt(end - 1) == ' ')) {
            end--;
        }
        String name = out.substring(start, end);
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return shorten(name);
    }

    private static boolean allowed(int c) {
        return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && "<>:\"|?*".indexOf(c) < 0
                && Character.getType(c) != Character.FORMAT;
    }

    /** Drops characters before the extension until the name fits in 255 bytes. */
    private static String shorten(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        int budget = MAX_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + bytes > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return kept + ext;
    }
}
