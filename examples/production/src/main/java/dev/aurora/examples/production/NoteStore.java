package dev.aurora.examples.production;

import dev.aurora.error.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The notes table and its SQL; every statement commits on its own. */
final class NoteStore {
    private final Database db;

    NoteStore(Database db) throws SQLException {
        this.db = db;
        db.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS notes (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " text VARCHAR(2000) NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            return null;
        });
    }

    Note create(String text) throws SQLException {
        // What the TIMESTAMP column keeps, so the note returned equals the note read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO notes (text, created) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, text);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Note(keys.getLong(1), text, now);
                }
            }
        });
    }

    Note find(long id) throws SQLException {
        return db.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, text, created FROM notes WHERE id = ?")) {
                select.setLong(1, id);
                List<Note> found = read(select);
                if (found.isEmpty()) {
                    throw new NotFoundException("No note " + id);
                }
                return found.getFirst();
            }
        });
    }

    List<Note> newest(int limit) throws SQLException {
        return db.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, text, created FROM notes ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                return read(select);
            }
        });
    }

    boolean delete(long id) throws SQLException {
        return db.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM notes WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static List<Note> read(PreparedStatement select) throws SQLException {
        List<Note> notes = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                notes.add(new Note(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        }
        return notes;
    }
}
