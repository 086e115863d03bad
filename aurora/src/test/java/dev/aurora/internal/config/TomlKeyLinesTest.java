package dev.aurora.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlKeyLinesTest {
    @Test
    void tablesDottedAndQuotedKeys() {
        Map<String, Integer> lines = TomlKeyLines.of("""
                title = "x" # comment
                [server]
                port = 1
                  tls.cert = "c"
                "quoted key" = 2
                'literal' = 3
                [a.b]
                c = 4
                """);
        assertEquals(Map.of(
                "title", 1,
                "server", 2,
                "server.port", 3,
                "server.tls.cert", 4,
                "server.quoted key", 5,
                "server.literal", 6,
                "a.b", 7,
                "a.b.c", 8), lines);
    }

    @Test
    void multiLineValuesDoNotLookLikeKeys() {
        Map<String, Integer> lines = TomlKeyLines.of("""
                text = \"\"\"
                fake = 1
                [fake]
                \"\"\"
                raw = '''
                also = 2 '''
                list = [
                  1, # fake = 3
                  2,
                ]
                quote = "a \\" b = c"
                inline = { x = 1, y = [1,
                  2] }
                after = 5
                """);
        assertEquals(Map.of("text", 1, "raw", 5, "list", 7, "quote", 11, "inline", 12, "after", 14), lines);
    }

    @Test
    void arraysOfTablesAreIndexed() {
        Map<String, Integer> lines = TomlKeyLines.of("""
                [[db.replicas]]
                host = "a"

                [[db.replicas]]
                host = "b"
                [db.replicas.tls]
                on = true
                [[db.replicas]]
                host = "c"
                """);
        assertEquals(Map.of(
                "db.replicas[0]", 1,
                "db.replicas[0].host", 2,
                "db.replicas[1]", 4,
                "db.replicas[1].host", 5,
                "db.replicas[1].tls", 6,
                "db.replicas[1].tls.on", 7,
                "db.replicas[2]", 8,
                "db.replicas[2].host", 9), lines);
    }

    @Test
    void windowsLineEndingsAndAMissingFinalNewline() {
        assertEquals(Map.of("a", 1, "b", 2), TomlKeyLines.of("a = 1\r\nb = 2"));
    }
}
