package dev.aurora.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.tests.docs.MarkdownSnippets.DirectiveException;
import dev.aurora.tests.docs.MarkdownSnippets.Line;
import dev.aurora.tests.docs.MarkdownSnippets.Page;
import dev.aurora.tests.docs.SnippetCompiler.Split;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The snippet check itself: it must catch a broken block and say where, and keep its convention. */
class SnippetCompilerTest {
    private static SnippetCompiler compiler;

    @BeforeAll
    static void compiler() throws IOException {
        compiler = SnippetCompiler.onClassPath();
    }

    private static List<String> compile(String markdown) {
        return compiler.compile(MarkdownSnippets.parse("sample.md", markdown));
    }

    @Test
    void aFragmentCompilesWithThePreambleAndTheStandardFields() {
        assertEquals(List.of(), compile("""
                Intro.

                ```java
                app.get("/", ctx -> ctx.send("Hello"));
                ctx.status(204).send("");
                Duration d = Duration.ofSeconds(1);
                ```
                """));
    }

    @Test
    void aBrokenFragmentFailsNamingTheMarkdownLineAndTheBlock() {
        List<String> errors = compile("""
                # Title

                ```java
                app.get("/", ctx -> ctx.send("Hello"));
                app.get("/x", ctx -> ctx.sendJson("wrong"));
                ```
                """);
        assertEquals(1, errors.size(), errors.toString());
        String error = errors.get(0);
        assertTrue(error.startsWith("sample.md:5 (```java block at line 3): cannot find symbol"), error);
        assertTrue(error.contains("| app.get(\"/x\", ctx -> ctx.sendJson(\"wrong\"));"), error);
    }

    @Test
    void aTypeDeclaredInOneBlockIsVisibleToTheNextButALocalVariableIsNot() {
        List<String> errors = compile("""
                ```java
                record Book(String title) { }
                Book dune = new Book("Dune");
                ```

                ```java
                app.get("/book", ctx -> ctx.json(new Book("Emma")));
                app.get("/dune", ctx -> ctx.json(dune));
                ```
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("sample.md:8 (```java block at line 6): cannot find symbol"), errors.get(0));
        assertTrue(errors.get(0).contains("variable dune"), errors.get(0));
    }

    @Test
    void aClassOfAPageBehavesAsATopLevelClassThatSeesTheGivenFields() {
        assertEquals(List.of(), compile("""
                <!-- snippet: given
                Middleware auth;
                -->
                ```java
                @SuppressWarnings("unused") final class Store {
                    private Store() {
                    }

                    static Store open() {
                        return new Store();
                    }

                    Middleware guard() {
                        return auth;
                    }
                }
                ```

                ```java
                app.get("/", ctx -> ctx.send("x"), Store.open().guard());
                ```
                """));
    }

    @Test
    void givenDeclarationsAreVisibleToEveryFragmentAndTheirErrorsMapToTheirLines() {
        assertEquals(List.of(), compile("""
                <!-- snippet: given
                import java.sql.Connection;
                interface Users { String find(String id); }
                Users users;
                Middleware auth;
                -->
                ```java
                app.get("/users/:id", ctx -> ctx.send(users.find(ctx.param("id"))), auth);
                Connection c = null;
                ```
                """));
        List<String> errors = compile("""
                <!-- snippet: given
                Userz users;
                -->
                ```java
                app.get("/", ctx -> ctx.send("x"));
                ```
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("sample.md:2 (in the given declarations): cannot find symbol"), errors.get(0));
    }

    @Test
    void aFragmentMayStartWithImports() {
        assertEquals(List.of(), compile("""
                ```java
                import java.sql.SQLException;

                try {
                    throw new SQLException("x");
                } catch (SQLException e) {
                    ctx.status(503).send("");
                }
                ```
                """));
    }

    @Test
    void aFragmentsImportsApplyToThatBlockOnly() {
        assertEquals(List.of(), compile("""
                ```java
                import java.sql.Date;

                Date day = new Date(0L);
                ```

                ```java
                import java.util.Date;

                Date now = new Date();
                ```
                """));
        List<String> errors = compile("""
                ```java
                import java.sql.SQLException;

                SQLException first = null;
                ```

                ```java
                SQLException second = null;
                ```
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("sample.md:8 (```java block at line 7): cannot find symbol"), errors.get(0));
    }

    @Test
    void aBlockWithAPackageCompilesAsItsOwnFileBesideTheOthers() {
        String page = """
                ```java
                package com.example;

                import dev.aurora.Aurora;

                public final class App {
                    public static Aurora create() {
                        return Aurora.create().get("/", ctx -> ctx.send("hi"));
                    }
                }
                ```

                ```java
                package com.example;

                class AppUser {
                    Object app = App.create();
                    Object nope = App.destroy();
                }
                ```
                """;
        List<String> errors = compile(page);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("sample.md:18 (```java block at line 13): cannot find symbol"), errors.get(0));
    }

    @Test
    void aSkippedBlockIsNotCompiledAndKeepsItsReason() {
        Page page = MarkdownSnippets.parse("sample.md", """
                <!-- snippet: skip (pseudo-code on purpose) -->
                ```java
                this is not Java
                ```
                """);
        assertEquals(List.of(), compiler.compile(page));
        assertEquals(1, page.skipped().size());
        assertEquals("pseudo-code on purpose", page.skipped().get(0).skipReason());
        assertEquals(2, page.skipped().get(0).fenceLine());
    }

    @Test
    void aModuleDeclarationMustBeSkipped() {
        List<String> errors = compile("""
                ```java
                module com.example.shop {
                    requires dev.aurora;
                }
                ```
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("sample.md:1: a module declaration"), errors.get(0));
    }

    @Test
    void aSkipWithoutAReasonIsRefused() {
        DirectiveException e = assertThrows(DirectiveException.class, () -> MarkdownSnippets.parse("sample.md", """
                text

                <!-- snippet: skip () -->
                ```java
                x
                ```
                """));
        assertTrue(e.getMessage().startsWith("sample.md:3: a skip needs a reason"), e.getMessage());
        assertThrows(DirectiveException.class, () -> MarkdownSnippets.parse("sample.md", """
                <!-- snippet: skip -->
                ```java
                x
                ```
                """));
    }

    @Test
    void anUnknownDirectiveOrAStraySkipIsRefused() {
        DirectiveException typo = assertThrows(DirectiveException.class,
                () -> MarkdownSnippets.parse("sample.md", "<!-- snippet: skp (typo) -->\n```java\nx\n```\n"));
        assertTrue(typo.getMessage().startsWith("sample.md:1: unknown snippet directive"), typo.getMessage());
        DirectiveException stray = assertThrows(DirectiveException.class,
                () -> MarkdownSnippets.parse("sample.md", "<!-- snippet: skip (why) -->\nprose\n```java\nx\n```\n"));
        assertTrue(stray.getMessage().startsWith("sample.md:1: skip is not followed"), stray.getMessage());
        DirectiveException xml = assertThrows(DirectiveException.class,
                () -> MarkdownSnippets.parse("sample.md", "<!-- snippet: skip (why) -->\n```xml\n<a/>\n```\n"));
        assertTrue(xml.getMessage().contains("not ```java"), xml.getMessage());
    }

    @Test
    void onlyJavaBlocksAreRead() {
        Page page = MarkdownSnippets.parse("sample.md", """
                ```xml
                <project/>
                ```
                ```
                mvn verify
                ```
                  ```java
                  app.get("/", ctx -> ctx.send("indented in a list"));
                  ```
                ````java
                String s = "```";
                ````
                """);
        assertEquals(2, page.blocks().size());
        assertEquals("app.get(\"/\", ctx -> ctx.send(\"indented in a list\"));", page.blocks().get(0).lines().get(0).text());
        assertEquals(List.of(), compiler.compile(page));
    }

    @Test
    void declarationsAndStatementsAreToldApart() {
        Split split = SnippetCompiler.split(lines("""
                import java.sql.Connection;
                public record Line(@Required String sku, @OneOf({"a", "b"}) String kind) { }
                @TempDir Path dir;
                app.get("/", ctx -> ctx.send("{"));
                @Test
                void works() {
                    assertEquals(1, 1);
                }
                Aurora other = Aurora.create()
                        .requestIds();
                List<String> names(int max) {
                    return List.of();
                }
                return List.of(names(1));
                throw new IllegalStateException(String.valueOf(1));
                """), false);
        assertEquals(List.of(1), numbers(split.imports()));
        assertEquals(List.of(2, 3, 5, 6, 7, 8, 11, 12, 13), numbers(split.members()));
        assertEquals(List.of(4, 9, 10, 14, 15), numbers(split.statements()));
    }

    private static List<Line> lines(String text) {
        String[] lines = text.split("\n");
        return IntStream.range(0, lines.length).mapToObj(i -> new Line(i + 1, lines[i])).toList();
    }

    private static List<Integer> numbers(List<Line> lines) {
        return lines.stream().map(Line::number).toList();
    }
}
