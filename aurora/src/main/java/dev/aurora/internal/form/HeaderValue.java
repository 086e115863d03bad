package dev.aurora.internal.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header value of the form {@code token; name=value; name="quoted value"}, as {@code Content-Type}
 * and {@code Content-Disposition} are written. Parameter names are case-insensitive; a quoted value
 * keeps its backslashes except before {@code "} or {@code \}, because browsers send Windows paths
 * such as {@code "C:\photos\cat.png"} unescaped. Lenient where clients differ (missing quotes,
 * spaces around {@code =}), never guessing past an unterminated quote.
 */
final class HeaderValue {
    private final String token;
    /** Alternating lower-cased names and values, in order. */
    private final List<String> parameters;

    private HeaderValue(String token, List<String> parameters) {
        this.token = token;
        this.parameters = parameters;
    }

    static HeaderValue parse(String value) {
        int n = value.length();
        int semi = indexOfUnquoted(value, 0);
        String token = value.substring(0, semi).trim().toLowerCase(Locale.ROOT);
        List<String> parameters = new ArrayList<>(4);
        int i = semi + 1;
        while (i < n) {
            int end = indexOfUnquoted(value, i);
            int eq = value.indexOf('=', i);
            if (eq > i && eq < end) {
                parameters.add(value.substring(i, eq).trim().toLowerCase(Locale.ROOT));
                parameters.add(unquote(value.substring(eq + 1, end).trim()));
            }
            i = end + 1;
        }
        return new HeaderValue(token, parameters);
    }

    /** @return the value before the first {@code ;}, lower-cased: {@code multipart/form-data} */
    String token() {
        return token;
    }

    /** @return the first parameter named {@code name} (lower case), or null */
    String parameter(String name) {
        for (int i = 0; i < parameters.size(); i += 2) {
            if (parameters.get(i).equals(name)) {
                return parameters.get(i + 1);
            }
        }
        return null;
    }

    /** The next {@code ;} at or after {@code from} outside a quoted string, or the length. */
    private static int indexOfUnquoted(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\' && i + 1 < s.length() && isEscapable(s.charAt(i + 1))) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length() - 2);
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1 && isEscapable(v.charAt(i + 1))) {
                c = v.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isEscapable(char c) {
        return c == '"' || c == '\\';
    }
}
