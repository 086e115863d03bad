package dev.aurora.examples.production.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * deploy/Containerfile read as instructions, for a test to check what it can without a container
 * engine: continuation lines joined, comments dropped, each instruction with the stage it is in.
 *
 * @param instructions every instruction, in order
 */
record Containerfile(List<Instruction> instructions) {
    /**
     * One instruction.
     *
     * @param stage the index of its {@code FROM}, 0 for the first stage
     * @param keyword the instruction, upper case ({@code COPY})
     * @param arguments the rest of the line
     */
    record Instruction(int stage, String keyword, String arguments) {
        /** {@return the arguments split on spaces} */
        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }

        /** {@return the arguments of an exec form, {@code ["java", "-jar", ...]}} */
        List<String> execForm() {
            try {
                return List.of(new ObjectMapper().readValue(arguments, String[].class));
            } catch (IOException e) {
                throw new AssertionError(keyword + " is not in exec form (a JSON array): " + arguments, e);
            }
        }
    }

    static Containerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int stage = -1;
        for (String line : lines) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString();
            current.setLength(0);
            int space = text.indexOf(' ');
            String keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(stage, keyword, text.substring(space + 1).strip()));
        }
        return new Containerfile(instructions);
    }

    /** {@return the instructions with this keyword, in order} */
    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** {@return the one instruction with this keyword} */
    Instruction one(String keyword) {
        List<Instruction> found = all(keyword);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + keyword + ", found " + found);
        }
        return found.getFirst();
    }

    /** {@return the index of the last stage, the image that runs} */
    int runStage() {
        return all("FROM").size() - 1;
    }
}
