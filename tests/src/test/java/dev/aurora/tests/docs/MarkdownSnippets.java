package dev.aurora.tests.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java in one Markdown file: its {@code ```java} blocks, the {@code <!-- snippet: ... -->}
 * directives that go with them, and its hidden {@code given} declarations (docs/README.md, "Writing
 * docs", is the user's description of the convention).
 *
 * <p>Directives are HTML comments, invisible on the rendered page:
 * <ul>
 * <li>{@code <!-- snippet: skip (reason) -->} on the last non-blank line before a block: the block
 *     is not compiled. The reason is required.
 * <li>{@code <!-- snippet: given} on a line of its own, Java member declarations (fields, types,
 *     methods, leading imports) on the following lines, and {@code -->} on a line of its own:
 *     declarations every fragment of the file can use, for what the page leaves to the reader
 *     ({@code users}, {@code auth}, a record defined elsewhere).
 * </ul>
 * Any other {@code <!-- snippet...} comment is an error, so a typo cannot silently turn a check
 * off.
 */
final class MarkdownSnippets {
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^\\s`]*)[^`]*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*snippet\\b:?\\s*(.*?)\\s*(-->)?\\s*$");
    private static final Pattern SKIP = Pattern.compile("skip\\s*\\((.*)\\)");

    /** A line of Java and the line of the Markdown file it is on (1-based). */
    record Line(int number, String text) {
    }

    /** A {@code ```java} block: the line of its opening fence, its lines, and its skip reason or null. */
    record Block(int fenceLine, List<Line> lines, String skipReason) {
        boolean skipped() {
            return skipReason != null;
        }
    }

    /** The Java of one Markdown file. */
    record Page(String name, List<Block> blocks, List<Line> given) {
        List<Block> compiled() {
            return blocks.stream().filter(b -> !b.skipped()).toList();
        }

        List<Block> skipped() {
            return blocks.stream().filter(Block::skipped).toList();
        }
    }

    /** A directive the page gets wrong: names the file and the line. */
    static final class DirectiveException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        DirectiveException(String name, int line, String problem) {
            super(name + ":" + line + ": " + problem);
        }
    }

    private MarkdownSnippets() {
    }

    /** Reads the blocks, directives and given declarations of {@code markdown}, named {@code name} in messages. */
    static Page parse(String name, String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        List<Line> given = new ArrayList<>();
        String pendingSkip = null;
        int pendingSkipLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String marker = fence.group(2);
                boolean java = fence.group(3).equalsIgnoreCase("java");
                int indent = fence.group(1).length();
                List<Line> body = new ArrayList<>();
                int j = i + 1;
                while (j < lines.length && !closes(lines[j], marker)) {
                    body.add(new Line(j + 1, stripIndent(lines[j], indent)));
                    j++;
                }
                if (j == lines.length) {
                    throw new DirectiveException(name, i + 1, "code block is not closed");
                }
                if (java) {
                    blocks.add(new Block(i + 1, List.copyOf(body), pendingSkip));
                } else if (pendingSkip != null) {
                    throw new DirectiveException(name, pendingSkipLine, "skip before a block that is not ```java");
                }
                pendingSkip = null;
                i = j;
                continue;
            }
            Matcher directive = DIRECTIVE.matcher(line);
            if (directive.matches()) {
                if (pendingSkip != null) {
                    throw new DirectiveException(name, pendingSkipLine, "skip is not followed by a ```java block");
                }
                String text = directive.group(1);
                boolean closed = directive.group(2) != null;
                Matcher skip = SKIP.matcher(text);
                if (text.equals("given") && !closed) {
                    i = readGiven(name, lines, i, given);
                } else if (skip.matches() && closed) {
                    if (skip.group(1).isBlank()) {
                        throw new DirectiveException(name, i + 1, "a skip needs a reason: <!-- snippet: skip (why) -->");
                    }
                    pendingSkip = skip.group(1).strip();
                    pendingSkipLine = i + 1;
                } else {
                    throw new DirectiveException(name, i + 1, "unknown snippet directive '" + line.strip()
                            + "'; known: <!-- snippet: skip (reason) -->, and <!-- snippet: given on a line"
                            + " of its own, declarations, then --> on a line of its own");
                }
            } else if (pendingSkip != null && !line.isBlank()) {
                throw new DirectiveException(name, pendingSkipLine, "skip is not followed by a ```java block");
            }
        }
        if (pendingSkip != null) {
            throw new DirectiveException(name, pendingSkipLine, "skip is not followed by a ```java block");
        }
        return new Page(name, List.copyOf(blocks), List.copyOf(given));
    }

    private static int readGiven(String name, String[] lines, int start, List<Line> given) {
        for (int j = start + 1; j < lines.length; j++) {
            if (lines[j].strip().equals("-->")) {
                return j;
            }
            if (lines[j].contains("-->")) {
                throw new DirectiveException(name, j + 1, "end a given with --> on a line of its own");
            }
            given.add(new Line(j + 1, lines[j]));
        }
        throw new DirectiveException(name, start + 1, "given is not closed with -->");
    }

    private static boolean closes(String line, String marker) {
        String s = line.strip();
        return s.length() >= marker.length() && s.chars().allMatch(c -> c == marker.charAt(0))
                && line.indexOf(marker.charAt(0)) <= 3;
    }

    private static String stripIndent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }
}
