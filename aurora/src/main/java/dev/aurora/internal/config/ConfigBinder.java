package dev.aurora.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurora.config.ConfigException;
import dev.aurora.config.ConfigProblem;
import dev.aurora.schema.Schema;
import dev.aurora.schema.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Binds configuration sections into typed values: defaults, then the file, then environment
 * variables, then system properties, then values set in code, each beating the one before. The
 * result is checked by Jackson (types) and then by the schema annotations on the type, and every
 * problem from any step is reported together, each naming its source and key. Immutable and safe
 * to use from any thread.
 */
public final class ConfigBinder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper = ConfigMapper.create();
    private final ConfigFile file;
    private final String prefix;
    private final SortedMap<String, String> environment;
    private final SortedMap<String, String> properties;
    private final Map<String, JsonNode> code;

    /**
     * @param file the parsed file, or null for none
     * @param prefix environment variables start with {@code PREFIX_} and system properties with
     *     {@code prefix.} (lower case)
     * @param environment the environment variables to consult
     * @param properties the system properties to consult
     * @param code values set in code, by dotted key ({@code server.port})
     */
    public ConfigBinder(ConfigFile file, String prefix, Map<String, String> environment,
            Map<String, String> properties, Map<String, Object> code) {
        this.file = file;
        this.prefix = prefix;
        this.environment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        environment.forEach((name, value) -> {
            if (name.regionMatches(true, 0, prefix + "_", 0, prefix.length() + 1)) {
                this.environment.put(name, value);
            }
        });
        String propertyPrefix = prefix.toLowerCase(Locale.ROOT) + ".";
        this.properties = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(propertyPrefix)) {
                this.properties.put(name, value);
            }
        });
        Map<String, JsonNode> trees = new java.util.LinkedHashMap<>();
        code.forEach((key, value) -> trees.put(key, mapper.valueToTree(value)));
        this.code = trees;
    }

    /**
     * Checks that the file's top-level tables and the keys set in code all belong to a known
     * section, so a misspelt {@code [sever]} is an error rather than silently ignored: each
     * unknown section, with a suggestion, is added to {@code problems}.
     */
    public void checkSections(Collection<String> known, List<ConfigProblem> problems) {
        List<String> normalized = known.stream().map(Shape::normalize).toList();
        String advice = "; an application declares its own sections with Configuration.builder().sections(...)";
        if (file != null) {
            for (var field : file.root().properties()) {
                String name = field.getKey();
                if (!normalized.contains(Shape.normalize(name))) {
                    String hint = DidYouMean.hint(name, known);
                    problems.add(new ConfigProblem(file.sourceOf(name), name,
                            "unknown section" + (hint.isEmpty() ? advice : hint)));
                }
            }
        }
        for (String key : code.keySet()) {
            String section = OverrideName.dottedWords(key).getFirst();
            if (!normalized.contains(Shape.normalize(section))) {
                problems.add(new ConfigProblem("code", key, "unknown section" + DidYouMean.hint(section, known)));
            }
        }
    }

    /**
     * @param section the section's name: {@code [server]} in TOML, {@code AURORA_SERVER_...}
     * @param type a record or bean
     * @param defaults the values of keys no layer sets, or null to leave them to the type
     * @throws ConfigException listing every problem found
     */
    public <T> T bind(String section, Class<T> type, T defaults) {
        List<ConfigProblem> problems = new ArrayList<>();
        T value = bind(section, type, defaults, problems);
        throwIfAny(problems);
        return value;
    }

    /**
     * Binds a section, adding every problem to {@code problems} instead of throwing, so several
     * sections can be reported together: unknown keys, then each value of the wrong type (in
     * place of which its default is used, so the type's own checks still run), then what the
     * type's constructor and its schema annotations refuse.
     *
     * @return the value, or null when it could not be made
     */
    public <T> T bind(String section, Class<T> type, T defaults, List<ConfigProblem> problems) {
        JavaType javaType = mapper.constructType(type);
        ObjectNode base = defaults == null ? NODES.objectNode() : mapper.valueToTree(defaults);
        SectionTree tree = new SectionTree(section, Shape.of(mapper, javaType), base.deepCopy(), problems);
        if (file != null) {
            file.root().properties().stream()
                    .filter(field -> Shape.normalize(field.getKey()).equals(Shape.normalize(section)))
                    .forEach(field -> tree.merge(field.getKey(), field.getValue(), file::sourceOf));
        }
        applyEnvironment(tree);
        applyProperties(tree);
        applyCode(tree);
        int beforeValues = problems.size();
        checkValues(tree, tree.root(), base, tree.shape(), section);
        boolean valuesFit = problems.size() == beforeValues;
        T value = read(tree, tree.root(), javaType, section);
        if (valuesFit && tree.shape().kind() == Shape.Kind.OBJECT && value != null) {
            for (Violation violation : Schema.of(type).violations(value)) {
                tree.problem(keyOf(section, violation.pointer()), violation.message());
            }
        }
        return value;
    }

    /**
     * Reads each value of an object on its own, so every value of the wrong type is reported, not
     * only the first; a value that does not fit is replaced by its default (or dropped).
     */
    private void checkValues(SectionTree tree, JsonNode node, JsonNode defaults, Shape shape, String key) {
        if (shape.kind() != Shape.Kind.OBJECT || !(node instanceof ObjectNode object)) {
            return;
        }
        for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
            Shape.Property property = shape.property(name);
            if (property == null) {
                continue;
            }
            Shape child = shape.shapeOf(property);
            JsonNode value = object.get(name);
            JsonNode fallback = defaults == null ? null : defaults.get(name);
            String childKey = Keys.join(key, property.name());
            if (child.kind() == Shape.Kind.OBJECT && value instanceof ObjectNode) {
                checkValues(tree, value, fallback, child, childKey);
            } else if (!fits(tree, value, property.type(), childKey)) {
                if (fallback == null) {
                    object.remove(name);
                } else {
                    object.set(name, fallback.deepCopy());
                }
            }
        }
    }

    private boolean fits(SectionTree tree, JsonNode node, JavaType type, String key) {
        int before = tree.problems().size();
        read(tree, node, type, key);
        return tree.problems().size() == before;
    }

    private void applyEnvironment(SectionTree tree) {
        Map<String, String> seen = new HashMap<>();
        environment.forEach((name, text) -> {
            List<String> words = Arrays.stream(name.substring(prefix.length() + 1).split("_"))
                    .filter(word -> !word.isEmpty())
                    .map(word -> word.toLowerCase(Locale.ROOT))
                    .toList();
            apply(tree, words, true, text, "env " + name, seen,
                    key -> prefix.toUpperCase(Locale.ROOT) + "_" + OverrideName.environmentForm(key));
        });
    }

    private void applyProperties(SectionTree tree) {
        Map<String, String> seen = new HashMap<>();
        String propertyPrefix = prefix.toLowerCase(Locale.ROOT) + ".";
        properties.forEach((name, text) -> apply(tree, OverrideName.dottedWords(name.substring(propertyPrefix.length())),
                false, text, "system property " + name, seen, key -> propertyPrefix + key));
    }

    private void applyCode(SectionTree tree) {
        Map<String, String> seen = new HashMap<>();
        code.forEach((key, value) -> apply(tree, OverrideName.dottedWords(key), false, value, "code", seen, k -> k));
    }

    /**
     * Applies one override, if its name is in this section: text from the environment or a
     * property (a number, a word, a comma-separated list, or JSON), or a tree from code.
     */
    private void apply(SectionTree tree, List<String> words, boolean grouped, Object value, String source,
            Map<String, String> seen, UnaryOperator<String> displayName) {
        int sectionWords = sectionWords(tree.section(), words, grouped);
        if (sectionWords < 0) {
            return;
        }
        set(tree, words.subList(sectionWords, words.size()), grouped, value, source, seen, displayName);
    }

    private void set(SectionTree tree, List<String> words, boolean grouped, Object value, String source,
            Map<String, String> seen, UnaryOperator<String> displayName) {
        String section = tree.section();
        if (words.isEmpty()) {
            List<String> settable = OverrideName.settableKeys(tree.shape());
            String example = settable.isEmpty() ? "" : ", such as " + displayName.apply(Keys.join(section, settable.getFirst()));
            tree.problem(source, section, "names the section itself; set one of its keys" + example);
            return;
        }
        OverrideName.Target target = OverrideName.resolve(section, tree.shape(), words, grouped);
        if (target == null) {
            String typed = String.join(grouped ? "_" : ".", words);
            String suggestion = DidYouMean.closest(typed, OverrideName.settableKeys(tree.shape()));
            tree.problem(source, Keys.join(section, String.join(".", words)), "unknown key"
                    + (suggestion == null ? "" : " (did you mean " + displayName.apply(Keys.join(section, suggestion)) + "?)"));
            return;
        }
        String earlier = seen.putIfAbsent(target.key(), source);
        if (earlier != null) {
            tree.problem(source, target.key(), "also set by " + earlier + "; set it once");
            return;
        }
        JsonNode node = value instanceof String text ? fromText(text, target.shape()) : (JsonNode) value;
        if (node == null) {
            tree.problem(source, target.key(), "expected JSON for " + describe(target.shape()) + ", got '" + value + "'");
            return;
        }
        tree.set(target.segments(), target.key(), target.shape(), node, source);
    }

    /** @return the override's value as a tree, or null for malformed JSON */
    private JsonNode fromText(String text, Shape shape) {
        String trimmed = text.strip();
        boolean json = shape.kind() != Shape.Kind.VALUE && (trimmed.startsWith("[") || trimmed.startsWith("{"));
        if (json) {
            try {
                return mapper.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        if (shape.kind() == Shape.Kind.LIST) {
            ArrayNode list = NODES.arrayNode();
            if (!trimmed.isEmpty()) {
                for (String item : trimmed.split(",", -1)) {
                    list.add(item.strip());
                }
            }
            return list;
        }
        return NODES.textNode(text);
    }

    /** Reads {@code node} as {@code type}; a failure is a problem at {@code key} (or below it) and gives null. */
    private <T> T read(SectionTree tree, JsonNode node, JavaType type, String key) {
        try (JsonParser parser = mapper.treeAsTokens(node)) {
            return mapper.readerFor(type).withHandler(new UnknownKeys(tree, key)).readValue(parser);
        } catch (ValueInstantiationException e) {
            constructorProblem(tree, key, e);
        } catch (InvalidFormatException e) {
            tree.problem(Keys.of(key, e.getPath()), formatMessage(e));
        } catch (MismatchedInputException e) {
            tree.problem(Keys.of(key, e.getPath()), "expected " + describe(Shape.of(mapper, mapper.constructType(
                    e.getTargetType() == null ? Object.class : e.getTargetType()))) + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonMappingException e) {
            tree.problem(Keys.of(key, e.getPath()), firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            tree.problem(key, firstLine(e.getMessage()));
        }
        return null;
    }

    /**
     * A constructor that refused its arguments. When its message starts with a property name
     * ("port must be between..."), the problem is that key's, with that key's source.
     */
    private void constructorProblem(SectionTree tree, String base, ValueInstantiationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String key = Keys.of(base, e.getPath());
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        Shape shape = Shape.of(mapper, e.getType());
        String firstWord = message.split("[^A-Za-z0-9_]", 2)[0];
        Shape.Property property = firstWord.isEmpty() ? null : shape.property(firstWord);
        if (property != null && firstWord.equals(property.name())) {
            key = Keys.join(key, property.name());
            message = message.equals(firstWord) ? "is required" : message.substring(firstWord.length()).strip();
        }
        tree.problem(key, message);
    }

    private static String formatMessage(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            List<String> names = Arrays.stream(target.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toList();
            return "'" + e.getValue() + "' is not one of " + String.join(", ", names);
        }
        if (target == boolean.class || target == Boolean.class) {
            return "expected true or false, got '" + e.getValue() + "'";
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String describe(Shape shape) {
        Class<?> raw = shape.type().getRawClass();
        return switch (shape.kind()) {
            case OBJECT, MAP -> "a table";
            case LIST -> "a list";
            case VALUE -> raw == String.class ? "a string"
                    : raw == boolean.class || raw == Boolean.class ? "true or false"
                    : Number.class.isAssignableFrom(raw) || raw.isPrimitive() ? "a number"
                    : "a " + raw.getSimpleName();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** @return how many of {@code words} spell the section's name, or -1 when they do not */
    private static int sectionWords(String section, List<String> words, boolean grouped) {
        String target = Shape.normalize(section);
        int longest = grouped ? words.size() : Math.min(1, words.size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < longest; i++) {
            joined.append(Shape.normalize(words.get(i)));
            if (joined.toString().equals(target)) {
                return i + 1;
            }
            if (joined.length() >= target.length()) {
                break;
            }
        }
        return -1;
    }

    /** {@code /replicas/1/host} to {@code db.replicas[1].host}. */
    private static String keyOf(String section, String pointer) {
        String key = section;
        if (pointer.isEmpty()) {
            return key;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            key = !name.isEmpty() && name.chars().allMatch(Character::isDigit) ? Keys.index(key, Integer.parseInt(name)) : Keys.join(key, name);
        }
        return key;
    }

    private static void throwIfAny(List<ConfigProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** A safety net behind the renaming: keys Jackson still does not know are reported, not fatal. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        private final SectionTree tree;
        /** The key of the value being read: the section, or one of its values read on its own. */
        private final String base;

        UnknownKeys(SectionTree tree, String base) {
            this.tree = tree;
            this.base = base;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            List<String> known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).toList();
            String key = base;
            List<String> path = new ArrayList<>();
            for (var context = p.getParsingContext(); context != null && !context.inRoot(); context = context.getParent()) {
                path.addFirst(context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.getCurrentName());
            }
            for (String part : path) {
                key = part.startsWith("[") ? key + part : Keys.join(key, part.substring(1));
            }
            tree.problem(key, "unknown key" + DidYouMean.hint(propertyName, known));
            p.skipChildren();
            return true;
        }
    }
}
