package dev.aurora.tests.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.tests.docs.MarkdownSnippets.Block;
import dev.aurora.tests.docs.MarkdownSnippets.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block in README.md and in every Markdown file under docs/ compiles against
 * the API this build made, so the pages cannot drift from it. The convention (fragments, the
 * preamble, {@code given}, {@code skip}) is in docs/README.md, "Writing docs"; the machinery is
 * {@link MarkdownSnippets} and {@link SnippetCompiler}.
 *
 * <p>Each page is a container in the report: one test that compiles its blocks, and one aborted
 * (skipped) test per block the page skips, named with its line and reason.
 */
class DocSnippetsTest {
    /**
     * The most blocks all pages together may skip. A new skip has to raise this number, so it is
     * seen in review rather than growing silently.
     */
    private static final int SKIP_BUDGET = 1;

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TestFactory
    Stream<DynamicNode> everyJavaBlockCompiles() throws IOException {
        SnippetCompiler compiler = SnippetCompiler.onClassPath();
        List<DynamicNode> pages = new ArrayList<>();
        for (Page page : pages()) {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("compiles " + page.compiled().size() + " blocks", () -> {
                List<String> errors = compiler.compile(page);
                assertTrue(errors.isEmpty(), () -> errors.size() + " compiler errors in the ```java blocks of "
                        + page.name() + " (the convention is in docs/README.md, \"Writing docs\"):\n"
                        + String.join("\n", errors));
            }));
            for (Block block : page.skipped()) {
                tests.add(DynamicTest.dynamicTest("skips the block at line " + block.fenceLine(),
                        () -> Assumptions.abort(page.name() + ":" + block.fenceLine() + " skipped: " + block.skipReason())));
            }
            pages.add(DynamicContainer.dynamicContainer(page.name(), tests));
        }
        return pages.stream();
    }

    @Test
    void skipsStayWithinTheirBudget() throws IOException {
        List<String> skips = new ArrayList<>();
        for (Page page : pages()) {
            page.skipped().forEach(b -> skips.add(page.name() + ":" + b.fenceLine() + " (" + b.skipReason() + ")"));
        }
        assertTrue(skips.size() <= SKIP_BUDGET, "more skipped blocks than the budget of " + SKIP_BUDGET
                + "; make them compile (a given, a fix) or raise the budget in review:\n" + String.join("\n", skips));
    }

    @Test
    void findsThePagesAndTheirBlocks() throws IOException {
        List<Page> pages = pages();
        assertTrue(pages.stream().anyMatch(p -> p.name().equals("README.md") && !p.blocks().isEmpty()), "README.md");
        assertTrue(pages.stream().anyMatch(p -> p.name().startsWith("docs/") && !p.blocks().isEmpty()), "docs/");
    }

    /** README.md and every .md file under docs/, as they are on disk now (new pages included). */
    static List<Page> pages() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Page> pages = new ArrayList<>();
        for (Path file : files) {
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            pages.add(MarkdownSnippets.parse(name, Files.readString(file)));
        }
        return pages;
    }
}
