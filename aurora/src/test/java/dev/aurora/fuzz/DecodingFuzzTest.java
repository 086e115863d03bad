package dev.aurora.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aurora.internal.http.PercentDecoding;
import dev.aurora.internal.mem.Arena;
import dev.aurora.internal.routing.DotSegments;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The byte-level decoders behind {@code ctx.query}, {@code ctx.cookie}, path parameters and the
 * dot-segment check, each on arbitrary bytes at an arbitrary offset and compared with a direct
 * (slow, String-based) reading of what its documentation promises. None may throw.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DecodingFuzzTest {
    // QueryString and CookieHeader are package-private classes (their static methods are public).
    private static final MethodHandle QUERY_ALL = handle("dev.aurora.internal.http.QueryString", "all",
            byte[].class, int.class, int.class, String.class, Arena.class);
    private static final MethodHandle QUERY_FIRST = handle("dev.aurora.internal.http.QueryString", "first",
            byte[].class, int.class, int.class, String.class, Arena.class);
    private static final MethodHandle COOKIE_FIND = handle("dev.aurora.internal.http.CookieHeader", "find",
            byte[].class, int.class, int.class, String.class);

    @FuzzTest
    void percentDecoding(FuzzedDataProvider data) {
        boolean plusIsSpace = data.consumeBoolean();
        int off = data.consumeInt(0, 8);
        byte[] input = data.consumeRemainingAsBytes();
        byte[] b = padded(input, off);
        int end = off + input.length;

        int first = PercentDecoding.firstEscape(b, off, end, plusIsSpace);
        assertTrue(first >= off && first <= end);
        for (int i = off; i < first; i++) {
            assertTrue(b[i] != '%' && !(plusIsSpace && b[i] == '+'), "firstEscape skipped an escape");
        }
        byte[] out = new byte[input.length + 3];
        int n = PercentDecoding.decode(b, off, end, plusIsSpace, out, 3);
        assertTrue(n <= input.length, "decoding grew the input");
        byte[] expected = percentDecode(input, plusIsSpace);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 3, 3 + n));
        if (first == end) {
            assertArrayEquals(input, expected, "no escape, yet decoding changed the bytes");
        }
    }

    @FuzzTest
    void queryString(FuzzedDataProvider data) throws Throwable {
        String name = data.consumeBoolean() ? data.pickValue(new String[] {"q", "tag", "a b", "é", "x=y", "&"})
                : data.consumeString(8);
        int off = data.consumeInt(0, 8);
        byte[] query = data.consumeRemainingAsBytes();
        byte[] b = padded(query, off);
        Arena scratch = new Arena(4, 16);

        @SuppressWarnings("unchecked")
        List<String> all = (List<String>) QUERY_ALL.invoke(b, off, query.length, name, scratch);
        String first = (String) QUERY_FIRST.invoke(b, off, query.length, name, scratch);
        List<String> expected = queryValues(query, name);
        assertEquals(expected, all);
        assertEquals(expected.isEmpty() ? null : expected.getFirst(), first);
    }

    @FuzzTest
    void cookieHeader(FuzzedDataProvider data) throws Throwable {
        // Cookie names are tokens, so only ASCII names are looked up.
        String name = data.consumeBoolean() ? data.pickValue(new String[] {"session", "id", "a", ""})
                : data.consumeAsciiString(8);
        int off = data.consumeInt(0, 8);
        byte[] value = data.consumeRemainingAsBytes();
        byte[] b = padded(value, off);

        String found = (String) COOKIE_FIND.invoke(b, off, off + value.length, name);
        assertEquals(cookie(Wire.latin1(value, 0, value.length), name), found);
    }

    @FuzzTest
    void dotSegments(byte[] path) {
        byte[] b = padded(path, 3);
        boolean present = DotSegments.present(b, 3, path.length);
        assertEquals(hasDotSegmentOnceDecoded(path), present, "dot segment verdict");
    }

    // ---- references: direct readings of the documented behaviour ---------------------------------

    /** {@code %XX} with two hex digits becomes that byte, {@code +} a space if asked; all else is kept. */
    private static byte[] percentDecode(byte[] in, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(plusIsSpace && in[i] == '+' ? ' ' : in[i]);
            }
        }
        return out.toByteArray();
    }

    /** Every value of {@code name} in an x-www-form-urlencoded query, decoded as UTF-8. */
    private static List<String> queryValues(byte[] query, String name) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= query.length; i++) {
            if (i < query.length && query[i] != '&') {
                continue;
            }
            byte[] pair = Arrays.copyOfRange(query, start, i);
            start = i + 1;
            int eq = indexOf(pair, (byte) '=');
            byte[] rawName = eq < 0 ? pair : Arrays.copyOf(pair, eq);
            if (rawName.length > 0 && utf8(percentDecode(rawName, true)).equals(name)) {
                values.add(eq < 0 ? "" : utf8(percentDecode(Arrays.copyOfRange(pair, eq + 1, pair.length), true)));
            }
        }
        return values;
    }

    /** RFC 6265 section 4.2 {@code name=value; name2=value2}, optional whitespace and quotes around a value. */
    private static String cookie(String header, String name) {
        for (String pair : header.split(";", -1)) {
            String p = trimOws(pair);
            int eq = p.indexOf('=');
            if (eq >= 0 && trimOws(p.substring(0, eq)).equals(name)) {
                String v = trimOws(p.substring(eq + 1));
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    /**
     * Decodes {@code %2e}, {@code %2f} and {@code %5c} (any case) once, left to right, marking the
     * separators, and looks for a {@code .} or {@code ..} segment in the result.
     */
    private static boolean hasDotSegmentOnceDecoded(byte[] p) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == '%' && i + 2 < p.length) {
                String escape = Wire.latin1(p, i + 1, 2).toLowerCase(java.util.Locale.ROOT);
                if (escape.equals("2e")) {
                    decoded.append('.');
                    i += 2;
                    continue;
                }
                if (escape.equals("2f") || escape.equals("5c")) {
                    decoded.append('/');
                    i += 2;
                    continue;
                }
            }
            // Anything that is neither a dot nor a separator stands for itself; a raw backslash, which
            // lenient targets let through, separates like '/'.
            decoded.append(p[i] == '.' || p[i] == '/' ? (char) p[i] : p[i] == '\\' ? '/' : 'x');
        }
        for (String segment : decoded.toString().split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String trimOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static int hex(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@code input} at offset {@code off} of a larger array whose other bytes would change the result if read. */
    private static byte[] padded(byte[] input, int off) {
        byte[] b = new byte[off + input.length + 3];
        Arrays.fill(b, (byte) '%');
        System.arraycopy(input, 0, b, off, input.length);
        b[b.length - 3] = '2';
        b[b.length - 2] = 'e';
        b[b.length - 1] = '&';
        return b;
    }

    private static MethodHandle handle(String className, String method, Class<?>... parameters) {
        try {
            Method m = Class.forName(className).getMethod(method, parameters);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
