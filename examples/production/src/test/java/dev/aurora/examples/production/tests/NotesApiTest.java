package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.examples.production.Note;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.Problem;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notes API the load tests hit: create, read, list newest first, delete, and the refusals. */
class NotesApiTest extends ServiceTest {
    NotesApiTest() throws SQLException {
    }

    private static Note create(AuroraTestClient client, String text) {
        return client.post("/notes").json(Map.of("text", text)).send().assertStatus(201).json(Note.class);
    }

    @BothTransports
    void createAnswers201WithLocationAndTheStoredNote(AuroraTestClient client) {
        var response = client.post("/notes").json(Map.of("text", "deploy on Friday")).send().assertStatus(201);
        Note note = response.json(Note.class);
        assertEquals("/notes/" + note.id(), response.header("Location"));
        assertEquals("deploy on Friday", note.text());
        assertEquals(note, client.get("/notes/" + note.id()).send().assertStatus(200).json(Note.class));
    }

    @Test
    void theListHasTheNewestFirstUpToTheLimit(AuroraTestClient client) {
        Note first = create(client, "one");
        Note second = create(client, "two");
        Note third = create(client, "three");
        List<Note> two = List.of(client.get("/notes").query("limit", "2").send().assertStatus(200).json(Note[].class));
        assertEquals(List.of(third, second), two);
        List<Note> all = List.of(client.get("/notes").send().json(Note[].class));
        assertEquals(List.of(third, second, first), all);
    }

    @Test
    void deleteAnswers204ThenTheNoteIsGone(AuroraTestClient client) {
        Note note = create(client, "temporary");
        client.delete("/notes/" + note.id()).send().assertStatus(204);
        Problem gone = client.get("/notes/" + note.id()).send().assertStatus(404).problem();
        assertEquals("No note " + note.id(), gone.detail());
        client.delete("/notes/" + note.id()).send().assertStatus(404);
    }

    @Test
    void invalidBodiesAndQueriesAre400AtTheirPointer(AuroraTestClient client) {
        Problem empty = client.post("/notes").json(Map.of("text", "")).send().assertStatus(400).problem();
        assertEquals(List.of("/text"), empty.violations().stream().map(Violation::pointer).toList());
        Problem limit = client.get("/notes").query("limit", "500").send().assertStatus(400).problem();
        assertEquals(List.of("/limit"), limit.violations().stream().map(Violation::pointer).toList());
    }
}
