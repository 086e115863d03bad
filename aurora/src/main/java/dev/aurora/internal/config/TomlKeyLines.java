package dev.aurora.internal.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the line on which each key of a TOML document is set, so a configuration error can point
 * at it. Jackson's TOML reader builds a tree without locations; this scan knows just enough TOML
 * (tables, arrays of tables, dotted and quoted keys, strings, multi-line values, comments) to
 * attribute lines, and leaves checking the syntax to Jackson. Keys inside inline tables take the
 * line of the key that holds the table.
 */
final class TomlKeyLines {
    private final String text;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> arrayTableSizes = new HashMap<>();
    private int pos;
    private int line = 1;

    private TomlKeyLines(String text) {
        this.text = text;
    }

    /** @return key path ({@code server.port}, {@code db.replicas[1].host}) to 1-based line */
    static Map<String, Integer> of(String text) {
        TomlKeyLines scan = new TomlKeyLines(text);
        scan.document();
        return scan.lines;
    }

    private void document() {
        String table = "";
        while (pos < text.length()) {
            skipBlank();
            if (pos >= text.length()) {
                return;
            }
            char c = text.charAt(pos);
            if (c == '#') {
                skipToLineEnd();
            } else if (c == '\n') {
                newline();
            } else if (c == '[') {
                table = header();
            } else {
                lines.putIfAbsent(dottedKey(table), line);
                value();
            }
        }
    }

    /** A {@code [table]} or {@code [[array.of.tables]]} header; returns the resolved path. */
    private String header() {
        int headerLine = line;
        pos++;
        boolean array = pos < text.length() && text.charAt(pos) == '[';
        if (array) {
            pos++;
        }
        String path = dottedKey("");
        if (array) {
            int index = arrayTableSizes.merge(path, 1, Integer::sum) - 1;
            path = path + "[" + index + "]";
        }
        lines.putIfAbsent(path, headerLine);
        skipToLineEnd();
        return path;
    }

    /**
     * Reads {@code a."b".c} up to {@code =} or {@code ]} and returns it appended to {@code base}.
     * Each prefix that names an array of tables resolves to its latest element, as TOML defines.
     */
    private String dottedKey(String base) {
        StringBuilder path = new StringBuilder(base);
        while (pos < text.length()) {
            skipBlank();
            String segment = keySegment();
            if (segment.isEmpty()) {
                break;
            }
            String joined = Keys.join(path.toString(), segment);
            path.setLength(0);
            path.append(joined);
            skipBlank();
            if (pos >= text.length() || text.charAt(pos) != '.') {
                break;
            }
            pos++;
            Integer size = arrayTableSizes.get(joined);
            if (size != null) {
                path.append('[').append(size - 1).append(']');
            }
        }
        return path.toString();
    }

    private String keySegment() {
        if (pos >= text.length()) {
            return "";
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            int start = pos + 1;
            skipString(c);
            return text.substring(start, Math.max(start, pos - 1));
        }
        int start = pos;
        while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Skips a value: from after the key to the end of its last line, across nested brackets. */
    private void value() {
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            switch (c) {
                case '"', '\'' -> skipString(c);
                case '[', '{' -> {
                    depth++;
                    pos++;
                }
                case ']', '}' -> {
                    depth--;
                    pos++;
                }
                case '#' -> skipToLineEnd();
                case '\n' -> {
                    newline();
                    if (depth <= 0) {
                        return;
                    }
                }
                default -> pos++;
            }
        }
    }

    /** Skips a basic or literal string, single- or multi-line, starting at its opening quote. */
    private void skipString(char quote) {
        boolean multiline = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += multiline ? 3 : 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && quote == '"') {
                pos += 2;
                continue;
            }
            if (c == '\n') {
                if (!multiline) {
                    return;
                }
                newline();
                continue;
            }
            if (c == quote && (!multiline || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += multiline ? 3 : 1;
                // A multi-line string may end with up to two extra quotes that belong to its content.
                while (multiline && pos < text.length() && text.charAt(pos) == quote) {
                    pos++;
                }
                return;
            }
            pos++;
        }
    }

    private void skipBlank() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private void skipToLineEnd() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void newline() {
        pos++;
        line++;
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
