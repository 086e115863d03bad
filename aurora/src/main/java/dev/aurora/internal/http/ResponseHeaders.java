package dev.aurora.internal.http;

/**
 * Headers a handler added to its response, kept as name/value pairs in reused arrays and encoded
 * straight into the output buffer. Validation happens when a header is added, so a bad value fails
 * in the handler that set it, never half-way through writing. Runs on the connection's virtual
 * thread.
 */
public final class ResponseHeaders {
    private String[] names = new String[8];
    private String[] values = new String[8];
    private int size;

    public void clear() {
        truncate(0);
    }

    public int size() {
        return size;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** Replaces the value of the {@code i}th header, after the same check {@link #add} makes. */
    public void value(int i, String value) {
        checkValue(names[i], value);
        values[i] = value;
    }

    /** Appends a header after checking that the name is a token and the value has no controls. */
    public void add(String name, String value) {
        checkName(name);
        checkValue(name, value);
        if (size == names.length) {
            names = java.util.Arrays.copyOf(names, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /**
     * Removes every header named {@code name} (case-insensitive), keeping the others in order.
     *
     * @return how many of the removed headers were among the first {@code before}
     */
    public int remove(String name, int before) {
        int kept = 0;
        int removedBefore = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                if (i < before) {
                    removedBefore++;
                }
                continue;
            }
            names[kept] = names[i];
            values[kept] = values[i];
            kept++;
        }
        truncate(kept);
        return removedBefore;
    }

    /** Keeps the first {@code count} headers and drops the rest. */
    public void truncate(int count) {
        for (int i = count; i < size; i++) {
            names[i] = null;
            values[i] = null;
        }
        size = Math.min(size, count);
    }

    /** Whether a header of that name (case-insensitive) was added. */
    public boolean contains(String name) {
        return first(name) != null;
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String first(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** Writes every header line. */
    public void writeTo(OutputBuffer out) throws java.io.IOException {
        for (int i = 0; i < size; i++) {
            out.writeLatin1(names[i]);
            out.write(':');
            out.write(' ');
            out.writeLatin1(values[i]);
            out.crlf();
        }
    }

    /**
     * Checks a header field a caller wants to send.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkField(String name, String value) {
        checkName(name);
        checkValue(name, value);
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0x7F || !Ascii.isTchar(c)) {
                throw new IllegalArgumentException("Invalid character " + describe(name, i) + " at index " + i
                        + " of response header name '" + printable(name) + "': a name is a token of letters, digits and "
                        + "!#$%&'*+-.^_`|~");
            }
        }
    }

    /**
     * Field values are VCHAR, obs-text, SP and HTAB (RFC 9110 section 5.5): every control but HTAB
     * is refused (CR and LF would split the response), and so is any char above 0xFF, which one
     * byte cannot carry. obs-text (0x80-0xFF) passes and is sent as that Latin-1 byte.
     */
    static void checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Header value must not be null: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || !Ascii.isFieldChar(c)) {
                throw invalidValue(name, value, i);
            }
        }
    }

    private static IllegalArgumentException invalidValue(String name, String value, int i) {
        char c = value.charAt(i);
        String rule = c > 0xFF
                ? "a header value is Latin-1 on the wire; use ContentDisposition.attachment(...) for file names, "
                        + "or percent-encode the value (URLEncoder, RFC 8187 for parameters)"
                : "CR, LF, NUL and other control characters (except HTAB) are not allowed, they would split or end "
                        + "the header";
        return new IllegalArgumentException("Invalid character " + describe(value, i) + " at index " + i
                + " in the value of response header " + printable(name) + ": " + rule);
    }

    /** {@code U+8868 '表'}, or {@code U+000D (CR)} for a character not worth printing. */
    private static String describe(String s, int i) {
        int cp = s.codePointAt(i);
        String code = String.format("U+%04X", cp);
        if (Character.isISOControl(cp)) {
            return code + switch (cp) {
                case '\r' -> " (CR)";
                case '\n' -> " (LF)";
                case 0 -> " (NUL)";
                default -> " (a control character)";
            };
        }
        return Character.isBmpCodePoint(cp) && Character.isSurrogate((char) cp) ? code + " (an unpaired surrogate)"
                : code + " '" + Character.toString(cp) + "'";
    }

    /** The name with controls escaped, so a message about it cannot itself break a log line. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
