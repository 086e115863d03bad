package dev.aurora;

import dev.aurora.internal.http.Ascii;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;

/**
 * {@code Content-Disposition} values for responses (RFC 6266), for any file name, in any script:
 *
 * <pre>{@code
 * ctx.attachment("表紙.png");   // Content-Disposition: attachment; filename="_.png"; filename*=UTF-8''%E8%A1%A8%E7%B4%99.png
 * ctx.setHeader("Content-Disposition", ContentDisposition.inline("report 2024.pdf"));
 * }</pre>
 *
 * <p>A header value is Latin-1 text on the wire, so a name outside ASCII cannot be sent as it is.
 * Every value carries a {@code filename} parameter that every client understands: the name as a
 * quoted string, {@code "} and {@code \} escaped, accents dropped ({@code é} becomes {@code e})
 * and each run of other non-ASCII characters replaced by one {@code _}, with {@code %} replaced
 * too, since some clients percent-decode it. When that fallback is not the exact name, the value
 * also carries {@code filename*} (RFC 8187): the name in UTF-8, percent-encoded, which browsers
 * and most HTTP clients prefer. Control characters (CR, LF, NUL, ...) in a name become {@code _}
 * in both, so a name taken from user input can never split the header.
 *
 * <p>Stateless; any thread.
 */
public final class ContentDisposition {
    private static final char REPLACEMENT = '_';
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private ContentDisposition() {
    }

    /**
     * The value that makes a browser save the response as a file named {@code filename}.
     *
     * @param filename the name to suggest, in any script; a path is not stripped, clients do that
     * @return {@code attachment; filename="..."}, plus {@code filename*=UTF-8''...} when needed
     * @throws IllegalArgumentException if {@code filename} is empty
     */
    public static String attachment(String filename) {
        return of("attachment", filename);
    }

    /**
     * The value that lets a browser show the response in the page (a PDF, an image) and still
     * name the file if the user saves it.
     *
     * @param filename the name to suggest, in any script
     * @return {@code inline; filename="..."}, plus {@code filename*=UTF-8''...} when needed
     * @throws IllegalArgumentException if {@code filename} is empty
     */
    public static String inline(String filename) {
        return of("inline", filename);
    }

    private static String of(String type, String filename) {
        Objects.requireNonNull(filename, "filename");
        if (filename.isEmpty()) {
            throw new IllegalArgumentException("The file name of a Content-Disposition must not be empty");
        }
        String name = withoutControls(filename);
        String fallback = asciiFallback(name);
        StringBuilder value = new StringBuilder(type.length() + 2 * name.length() + 32);
        value.append(type).append("; filename=\"");
        for (int i = 0; i < fallback.length(); i++) {
            char c = fallback.charAt(i);
            if (c == '"' || c == '\\') {
                value.append('\\');
            }
            value.append(c);
        }
        value.append('"');
        if (!fallback.equals(name)) {
            value.append("; filename*=UTF-8''");
            percentEncode(name, value);
        }
        return value.toString();
    }

    /** Controls (C0, DEL, C1) and unpaired surrogates become {@code _}: neither belongs in a name. */
    private static String withoutControls(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (pairedAt(name, i)) {
                if (out != null) {
                    out.append(c).append(name.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean bad = Character.isISOControl(c) || Character.isSurrogate(c);
            if (bad && out == null) {
                out = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
            }
        }
        return out == null ? name : out.toString();
    }

    private static boolean pairedAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** Printable ASCII only: accents stripped by decomposition, any other run of characters one {@code _}. */
    private static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean replacing = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (cp >= 0x20 && cp < 0x7F && cp != '%') {
                out.append((char) cp);
                replacing = false;
            } else if (!replacing) {
                out.append(REPLACEMENT);
                replacing = true;
            }
        }
        return out.toString();
    }

    /** RFC 8187 attr-char: a token character other than {@code %}, {@code '} and {@code *}. */
    private static boolean isAttrChar(int c) {
        return c < 0x80 && Ascii.isTchar(c) && c != '%' && c != '\'' && c != '*';
    }

    private static void percentEncode(String name, StringBuilder out) {
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append((char) HEX[c >> 4]).append((char) HEX[c & 0xF]);
            }
        }
    }
}
