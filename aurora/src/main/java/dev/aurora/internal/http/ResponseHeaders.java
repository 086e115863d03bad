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
                throw new IllegalArgumentException("Invalid character in header name: " + name);
            }
        }
    }

    static void checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Header value must not be null: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || !Ascii.isFieldChar(c)) {
                throw new IllegalArgumentException("Invalid character (CR, LF, control or non-Latin-1) in value of header "
                        + name);
            }
        }
    }
}
