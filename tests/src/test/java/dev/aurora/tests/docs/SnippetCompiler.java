package dev.aurora.tests.docs;

import dev.aurora.tests.docs.MarkdownSnippets.Block;
import dev.aurora.tests.docs.MarkdownSnippets.Line;
import dev.aurora.tests.docs.MarkdownSnippets.Page;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles the {@code ```java} blocks of one Markdown page with javac ({@code --release 21}, the
 * oldest Java Aurora supports), in memory, in one compiler task per page, against this JVM's class
 * path, and maps each error back to the page's line.
 *
 * <p>Two kinds of block:
 * <ul>
 * <li>a <em>compilation unit</em>: the block starts with {@code package}; it is compiled as the
 *     file it is ({@code com/example/App.java}), beside the page's other units;
 * <li>a <em>fragment</em>: anything else. Its declarations (lines at the block's top level that
 *     start with an annotation, a modifier, {@code class}/{@code record}/{@code interface}/
 *     {@code enum}, or {@code Type name(} as a method does, up to the {@code ;} or {@code }}
 *     that ends them) become members of one generated class for the page, {@code DocPage},
 *     beside the fields {@link #FIELDS} and the page's {@code given} declarations. Its other
 *     lines become the body of
 *     {@code void run() throws Exception} in a class of its own that extends {@code DocPage}.
 *     So a type one block declares is visible to every fragment on the page, while local
 *     variables stay in their block. The types are written as {@code static} nested types, and
 *     the given fields and {@link #FIELDS} as {@code static} fields, so a page's class behaves as
 *     the top-level class it stands for (its static factory can call its constructor) and can
 *     still use what the page takes as given.
 * </ul>
 *
 * <p>Every generated file starts with {@link #PREAMBLE} and the imports of the {@code given}
 * declarations; a fragment's leading {@code import} lines are added to its own file (and to
 * {@code DocPage}'s, when the block declares something), so two blocks may import two types of
 * the same simple name. Each generated line remembers the page line it came from; errors are
 * reported on those. A {@code module} declaration cannot be compiled without the modules it names: such a block has
 * to be skipped, with its reason.
 */
final class SnippetCompiler {
    /** Imports every fragment starts from: Aurora's exported API, the test support, the common JDK packages. */
    static final List<String> PREAMBLE = List.of(
            "dev.aurora.*", "dev.aurora.annotation.*", "dev.aurora.config.*", "dev.aurora.error.*",
            "dev.aurora.form.*", "dev.aurora.handler.*", "dev.aurora.health.*", "dev.aurora.json.*",
            "dev.aurora.middleware.*", "dev.aurora.schema.*", "dev.aurora.sse.*", "dev.aurora.websocket.*",
            "dev.aurora.test.*",
            "java.io.*", "java.net.*", "java.nio.charset.*", "java.nio.file.*", "java.time.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.stream.*",
            // Single types, where a package would clash with Aurora (java.net.http.WebSocket,
            // org.junit.jupiter.api.Timeout):
            "java.net.http.HttpClient", "java.net.http.HttpRequest", "java.net.http.HttpResponse",
            "org.junit.jupiter.api.Test", "org.junit.jupiter.api.Nested", "org.junit.jupiter.api.BeforeEach",
            "org.junit.jupiter.api.AfterEach", "org.junit.jupiter.api.io.TempDir",
            "static org.junit.jupiter.api.Assertions.*");
    /** Fields of the generated class: the names the pages use without declaring them. */
    static final String FIELDS = "static Aurora app; static Router router; static Context ctx; static AuroraTestClient client;";

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|record|interface|enum|@interface)\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile(
            "^(?:(?:public|protected|private|static|final|abstract|synchronized|default)\\s+)+[\\w<>\\[\\],.? ]+\\s+\\w+\\s*\\(.*"
                    + "|^void\\s+\\w+\\s*\\(.*"
                    // "Type name(" without a modifier: never a statement, unless it starts with a keyword
                    + "|^(?!(?:return|throw|new|else|case|yield|assert)\\b)[\\w.]+(?:<.*>)?(?:\\[\\])*\\s+\\w+\\s*\\(.*");
    /** A type declaration, after any annotations on its line: group 1 ends where {@code static} goes. */
    private static final Pattern ANNOTATED_TYPE = Pattern.compile(
            "^(\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*)((?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|record|interface|enum|@interface)\\s+\\w+)");
    private static final Pattern PROBLEM_LINE = Pattern.compile("^[^:]+:(\\d+)");
    private static final String CLASS = "DocPage";

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;

    private SnippetCompiler(JavaCompiler compiler, StandardJavaFileManager files) {
        this.compiler = compiler;
        this.files = files;
    }

    /** A compiler against this JVM's class path; reuse it for every page (it keeps the jars open). */
    static SnippetCompiler onClassPath() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        List<File> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(File::new).toList();
        files.setLocation(StandardLocation.CLASS_PATH, classPath);
        return new SnippetCompiler(compiler, files);
    }

    /**
     * Compiles the page's blocks that are not skipped; returns one message per compiler error,
     * "page:line: message", with the Markdown line quoted, or an empty list.
     */
    List<String> compile(Page page) {
        List<Source> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String pkg = "docsnippets." + page.name().replaceAll("[^A-Za-z0-9]", "_");
        Split given = split(page.given(), true);
        Map<Block, Split> fragments = new LinkedHashMap<>();
        for (Block block : page.compiled()) {
            String first = firstCode(block.lines());
            if (first.startsWith("package ")) {
                sources.add(unit(page.name(), block, problems));
            } else if (first.matches("^(open\\s+)?module\\s.*")) {
                problems.add(page.name() + ":" + block.fenceLine() + ": a module declaration cannot be compiled"
                        + " without the modules it names; mark the block <!-- snippet: skip (why) -->");
            } else {
                fragments.put(block, split(block.lines(), false));
            }
        }
        // The page class: the given declarations and every block's declarations, with the imports
        // of the blocks that declare something.
        Generated shared = new Generated(page.name(), pkg, given);
        fragments.values().stream().filter(s -> !s.members().isEmpty()).forEach(s -> shared.add(s.imports()));
        shared.synthetic("@SuppressWarnings(\"all\") class " + CLASS + " {");
        shared.synthetic("    " + FIELDS);
        shared.add(given.members(), given.rewritten());
        fragments.values().forEach(s -> shared.add(s.members(), s.rewritten()));
        shared.synthetic("}");
        sources.add(shared.source(pkg, CLASS));
        // Each block's statements: a subclass of the page class, so they see its fields and types,
        // with the block's own imports.
        fragments.forEach((block, split) -> {
            if (!split.statements().isEmpty()) {
                String name = "Block" + block.fenceLine();
                Generated statements = new Generated(page.name(), pkg, given);
                statements.add(split.imports());
                statements.synthetic("@SuppressWarnings(\"all\") class " + name + " extends " + CLASS + " {");
                statements.synthetic("void run() throws Exception {");
                statements.add(split.statements());
                statements.synthetic("}}");
                sources.add(statements.source(pkg, name));
            }
        });

        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-Xlint:none",
                "-encoding", "UTF-8");
        Boolean ok = compiler.getTask(null, new Discarding(files), diagnostics, options, null, sources).call();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                problems.add(describe(page, d));
            }
        }
        problems.sort(Comparator.comparingInt(SnippetCompiler::lineOf));
        if (!ok && problems.isEmpty()) {
            problems.add(page.name() + ": javac failed without an error diagnostic");
        }
        return problems;
    }

    private static Source unit(String name, Block block, List<String> problems) {
        Generated unit = new Generated(name);
        unit.add(block.lines());
        String pkg = "";
        String type = null;
        for (Line line : block.lines()) {
            Matcher p = PACKAGE.matcher(line.text());
            Matcher t = TYPE.matcher(line.text());
            if (p.find()) {
                pkg = p.group(1).replace('.', '/') + "/";
            } else if (type == null && t.find()) {
                type = t.group(1);
            }
        }
        if (type == null) {
            problems.add(name + ":" + block.fenceLine() + ": a block with a package declares no type at its top level");
            type = "Missing";
        }
        return new Source(URI.create("string:///" + pkg + type + ".java"), unit.text(), unit.origins());
    }

    private static String describe(Page page, Diagnostic<? extends JavaFileObject> d) {
        String message = d.getMessage(Locale.ROOT);
        if (!(d.getSource() instanceof Source source) || d.getLineNumber() == Diagnostic.NOPOS) {
            return page.name() + ": " + message;
        }
        int generated = (int) d.getLineNumber();
        Line origin = source.origins().get(generated - 1);
        if (origin == null) {
            return page.name() + ": in code generated around the page's blocks (line " + generated + " of "
                    + source.toUri().getPath() + "): " + message;
        }
        Block block = page.blocks().stream().filter(b -> b.lines().contains(origin)).findFirst().orElse(null);
        String where = block == null ? " (in the given declarations)" : " (```java block at line " + block.fenceLine() + ")";
        return page.name() + ":" + origin.number() + where + ": " + message + "\n    | " + origin.text().strip();
    }

    private static int lineOf(String problem) {
        Matcher m = PROBLEM_LINE.matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstCode(List<Line> lines) {
        return lines.stream().map(l -> l.text().strip())
                .filter(s -> !s.isEmpty() && !s.startsWith("//") && !s.startsWith("/*") && !s.startsWith("*"))
                .findFirst().orElse("");
    }

    /**
     * A fragment's lines, sorted: leading imports, member declarations, statements; and the
     * member lines that are written with {@code static} added ({@code rewritten}).
     */
    record Split(List<Line> imports, List<Line> members, List<Line> statements, Map<Line, String> rewritten) {
    }

    /** Splits a fragment (or, with {@code allMembers}, the given declarations) into imports, members and statements. */
    static Split split(List<Line> lines, boolean allMembers) {
        List<Line> imports = new ArrayList<>();
        List<Line> members = new ArrayList<>();
        List<Line> statements = new ArrayList<>();
        Map<Line, String> rewritten = new HashMap<>();
        Scanner scanner = new Scanner();
        boolean leading = true;
        boolean inMember = false;
        for (Line line : lines) {
            String s = line.text().strip();
            boolean starts = false;
            if (scanner.atTopLevel() && !inMember) {
                if (leading && s.startsWith("import ")) {
                    imports.add(line);
                    continue;
                }
                if (!s.isEmpty() && !s.startsWith("//")) {
                    leading = false;
                    inMember = allMembers || s.startsWith("@") || TYPE.matcher(s).find() || METHOD.matcher(s).matches();
                    starts = true;
                }
            }
            // Types are nested static, so a page's classes can be created anywhere, from their own
            // static methods too; given fields are static, so those classes can use them.
            Matcher type = ANNOTATED_TYPE.matcher(line.text());
            if (inMember && scanner.atTopLevel() && type.find() && !type.group(2).contains("static ")) {
                rewritten.put(line, line.text().substring(0, type.end(1)) + "static " + line.text().substring(type.end(1)));
            } else if (allMembers && starts && !s.startsWith("@")) {
                rewritten.put(line, "static " + line.text());
            }
            (inMember || allMembers ? members : statements).add(line);
            boolean ended = scanner.scan(line.text());
            if (inMember && ended) {
                inMember = false;
            }
        }
        return new Split(imports, members, statements, rewritten);
    }

    /**
     * Java's lexical structure as far as the split needs it: the depth of (), [] and {} outside
     * comments, strings, text blocks and characters, kept across lines.
     */
    private static final class Scanner {
        private int depth;
        private boolean blockComment;
        private boolean textBlock;

        boolean atTopLevel() {
            return depth == 0 && !blockComment && !textBlock;
        }

        /** Scans one line; true when a declaration could end on it: a ; or a closing } back at the top level. */
        boolean scan(String line) {
            boolean ended = false;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (blockComment) {
                    if (line.startsWith("*/", i)) {
                        blockComment = false;
                        i++;
                    }
                } else if (textBlock) {
                    if (c == '\\') {
                        i++;
                    } else if (line.startsWith("\"\"\"", i)) {
                        textBlock = false;
                        i += 2;
                    }
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (line.startsWith("/*", i)) {
                    blockComment = true;
                    i++;
                } else if (line.startsWith("\"\"\"", i)) {
                    textBlock = true;
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    i = endOfLiteral(line, i, c);
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                    ended |= c == '}' && depth == 0;
                } else if (c == ';' && depth == 0) {
                    ended = true;
                }
                i++;
            }
            return ended;
        }

        private static int endOfLiteral(String line, int start, char quote) {
            int i = start + 1;
            while (i < line.length() && line.charAt(i) != quote) {
                i += line.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }
    }

    /** Generated source text and, for each of its lines, the page line it came from (null: generated). */
    private static final class Generated {
        private final StringBuilder text = new StringBuilder();
        private final List<Line> origins = new ArrayList<>();

        Generated(String name) {
            synthetic("// generated from the ```java blocks of " + name);
        }

        /** A fragment file: its package, the preamble, then the imports of the given declarations. */
        Generated(String name, String pkg, Split given) {
            this(name);
            synthetic("package " + pkg + ";");
            PREAMBLE.forEach(i -> synthetic("import " + i + ";"));
            add(given.imports());
        }

        Source source(String pkg, String type) {
            return new Source(URI.create("string:///" + pkg.replace('.', '/') + "/" + type + ".java"), text(), origins);
        }

        void synthetic(String line) {
            text.append(line).append('\n');
            origins.add(null);
        }

        void add(List<Line> lines) {
            add(lines, Map.of());
        }

        void add(List<Line> lines, Map<Line, String> rewritten) {
            for (Line line : lines) {
                text.append(rewritten.getOrDefault(line, line.text())).append('\n');
                origins.add(line);
            }
        }

        String text() {
            return text.toString();
        }

        List<Line> origins() {
            return origins;
        }
    }

    /** A source javac reads from memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;
        private final List<Line> origins;

        Source(URI uri, String text, List<Line> origins) {
            super(uri, Kind.SOURCE);
            this.text = text;
            this.origins = origins;
        }

        List<Line> origins() {
            return origins;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Class files go nowhere: only the diagnostics matter. */
    private static final class Discarding extends ForwardingJavaFileManager<JavaFileManager> {
        Discarding(JavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discard:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }

        @Override
        public void close() {
            // the shared file manager stays open for the next page
        }
    }
}
