package dev.aurora.internal.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurora.config.ConfigException;
import dev.aurora.config.ConfigProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed configuration file: its tree and the line each key is set on. JSON is read with a
 * streaming parser that records locations as it builds the tree; TOML through Jackson's TOML
 * reader, with lines found by {@link TomlKeyLines}. Every way a file can be unusable becomes a
 * {@link ConfigException} naming the file.
 */
public final class ConfigFile {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path path;
    private final ObjectNode root;
    private final Map<String, Integer> lines;

    private ConfigFile(Path path, ObjectNode root, Map<String, Integer> lines) {
        this.path = path;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads a {@code .toml} or {@code .json} file.
     *
     * @throws ConfigException if the file is missing, unreadable, of another format or malformed
     */
    public static ConfigFile read(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean toml = name.endsWith(".toml");
        if (!toml && !name.endsWith(".json")) {
            throw fileProblem(path, "unknown format: a config file name ends in .toml or .json");
        }
        String text = readText(path);
        try {
            return toml ? readToml(path, text) : readJson(path, text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String source = at == null ? path.toString() : path + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(List.of(new ConfigProblem(source, "",
                    (toml ? "malformed TOML: " : "malformed JSON: ") + e.getOriginalMessage())));
        } catch (IOException e) {
            throw fileProblem(path, "cannot be read: " + e.getMessage());
        }
    }

    /** @return the file as given by the caller */
    public Path path() {
        return path;
    }

    /** @return the whole document; callers must not change it */
    public ObjectNode root() {
        return root;
    }

    /** @return where {@code key} (or the nearest enclosing key) is set, such as {@code app.toml:7} */
    public String sourceOf(String key) {
        for (String k = key; !k.isEmpty(); k = Keys.parent(k)) {
            Integer line = lines.get(k);
            if (line != null) {
                return path + ":" + line;
            }
        }
        return path.toString();
    }

    private static String readText(Path path) {
        if (Files.isDirectory(path)) {
            throw fileProblem(path, "is a directory, not a config file");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
            // Editors on Windows may start a UTF-8 file with a byte order mark; it is not content.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw fileProblem(path, "file not found (looked for " + path.toAbsolutePath().normalize() + ")");
        } catch (AccessDeniedException e) {
            throw fileProblem(path, "cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw fileProblem(path, "is not valid UTF-8");
        } catch (IOException e) {
            throw fileProblem(path, "cannot be read: " + e);
        }
    }

    private static ConfigFile readToml(Path path, String text) throws IOException {
        if (!TomlSupport.available()) {
            throw fileProblem(path, TomlSupport.missing());
        }
        // The tree from the TOML parser's tokens, as for JSON: no TomlMapper (a second ObjectMapper
        // and its tree deserializer cost tens of milliseconds at start). Lines come from the text.
        try (JsonParser parser = TomlSupport.parser(text)) {
            ObjectNode root = parser.nextToken() == JsonToken.START_OBJECT
                    ? object(parser, "", new HashMap<>()) : NODES.objectNode();
            return new ConfigFile(path, root, TomlKeyLines.of(text));
        }
    }

    private static ConfigFile readJson(Path path, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ConfigFile(path, NODES.objectNode(), lines);
            }
            if (first != JsonToken.START_OBJECT) {
                throw fileProblem(path, "the top level must be a JSON object, not " + first.asString());
            }
            ObjectNode root = object(parser, "", lines);
            if (parser.nextToken() != null) {
                throw new ConfigException(List.of(new ConfigProblem(
                        path + ":" + parser.currentTokenLocation().getLineNr(), "", "content after the top-level object")));
            }
            return new ConfigFile(path, root, lines);
        }
    }

    private static ObjectNode object(JsonParser parser, String key, Map<String, Integer> lines) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = Keys.join(key, name);
            lines.put(child, parser.currentTokenLocation().getLineNr());
            parser.nextToken();
            node.set(name, value(parser, child, lines));
        }
        return node;
    }

    private static JsonNode value(JsonParser parser, String key, Map<String, Integer> lines) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, key, lines);
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String child = Keys.index(key, array.size());
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    array.add(value(parser, child, lines));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            // TOML dates and times arrive as java.time values.
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(parser.getEmbeddedObject());
            default -> NODES.nullNode();
        };
    }

    private static ConfigException fileProblem(Path path, String message) {
        return new ConfigException(List.of(new ConfigProblem(path.toString(), "", message)));
    }
}
