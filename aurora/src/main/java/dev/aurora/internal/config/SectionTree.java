package dev.aurora.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurora.config.ConfigProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One section's values as its layers are applied, lowest first (defaults, file, environment,
 * system properties, code), with the source of every value so an error can say where the value
 * came from. Names from every layer are turned into the property names of the section's type on
 * the way in; a name that matches no property is a problem with a suggestion.
 */
final class SectionTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String section;
    private final Shape shape;
    private final ObjectNode root;
    private final Map<String, String> origins = new HashMap<>();
    private final List<ConfigProblem> problems;

    SectionTree(String section, Shape shape, ObjectNode defaults, List<ConfigProblem> problems) {
        this.section = section;
        this.shape = shape;
        this.root = defaults;
        this.problems = problems;
    }

    ObjectNode root() {
        return root;
    }

    String section() {
        return section;
    }

    Shape shape() {
        return shape;
    }

    /** The problems found so far, this section's and those of sections bound with it. */
    List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * Merges a layer's whole table for this section: tables merge key by key, other values replace.
     *
     * @param writtenName the section's name as the layer spells it
     * @param sourceOf the source of a key as the layer spells it
     */
    void merge(String writtenName, JsonNode table, UnaryOperator<String> sourceOf) {
        if (canonical(table, shape, section, writtenName, sourceOf) instanceof ObjectNode object) {
            merge(root, object);
        } else {
            problems.add(new ConfigProblem(sourceOf.apply(writtenName), section, "must be a table of keys, not " + describe(table)));
        }
    }

    /** Sets one value at a resolved key, replacing what lower layers had there. */
    void set(List<Object> segments, String key, Shape leaf, JsonNode value, String source) {
        forget(key);
        JsonNode canonical = canonical(value, leaf, key, key, k -> source);
        origins.put(key, source);
        JsonNode parent = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), segments.get(i + 1) instanceof Integer);
        }
        place(parent, segments.getLast(), canonical);
    }

    /** @return the source of {@code key}'s value: its own, or that of the nearest enclosing key */
    String sourceOf(String key) {
        for (String k = key; !k.isEmpty(); k = Keys.parent(k)) {
            String source = origins.get(k);
            if (source != null) {
                return source;
            }
        }
        return "defaults";
    }

    /** A problem with the value at {@code key}, attributed to where that value came from. */
    void problem(String key, String message) {
        problem(sourceOf(key), key, message);
    }

    void problem(String source, String key, String message) {
        problems.add(new ConfigProblem(source, key, message));
    }

    /**
     * A copy of {@code node} with every object key renamed to the property it spells; unknown and
     * doubly-set keys become problems, and each value's source is recorded under its canonical key.
     *
     * @param key the canonical key of {@code node}
     * @param written the same key as the layer spells it, which is what {@code sourceOf} knows
     */
    private JsonNode canonical(JsonNode node, Shape shape, String key, String written, UnaryOperator<String> sourceOf) {
        origins.put(key, sourceOf.apply(written));
        if (node instanceof ObjectNode object && shape.kind() == Shape.Kind.OBJECT) {
            ObjectNode out = NODES.objectNode();
            Map<String, String> spelledAs = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                Shape.Property property = shape.property(name);
                String writtenChild = Keys.join(written, name);
                if (property == null) {
                    String child = Keys.join(key, name);
                    problems.add(new ConfigProblem(sourceOf.apply(writtenChild), child,
                            "unknown key" + DidYouMean.hint(name, shape.propertyNames())));
                    continue;
                }
                String earlier = spelledAs.putIfAbsent(property.name(), name);
                String child = Keys.join(key, property.name());
                if (earlier != null) {
                    problems.add(new ConfigProblem(sourceOf.apply(writtenChild), child,
                            "set twice, as '" + earlier + "' and as '" + name + "'"));
                    continue;
                }
                out.set(property.name(), canonical(field.getValue(), shape.shapeOf(property), child, writtenChild, sourceOf));
            }
            return out;
        }
        if (node instanceof ObjectNode object && shape.kind() == Shape.Kind.MAP) {
            ObjectNode out = NODES.objectNode();
            Shape values = shape.content();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                out.set(field.getKey(), canonical(field.getValue(), values, Keys.join(key, field.getKey()),
                        Keys.join(written, field.getKey()), sourceOf));
            }
            return out;
        }
        if (node instanceof ArrayNode array && shape.kind() == Shape.Kind.LIST) {
            ArrayNode out = NODES.arrayNode(array.size());
            Shape elements = shape.content();
            for (int i = 0; i < array.size(); i++) {
                out.add(canonical(array.get(i), elements, Keys.index(key, i), Keys.index(written, i), sourceOf));
            }
            return out;
        }
        return node;
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode into && field.getValue() instanceof ObjectNode from) {
                merge(into, from);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static JsonNode child(JsonNode parent, Object segment, boolean wantArray) {
        JsonNode existing = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
        if (wantArray ? existing instanceof ArrayNode : existing instanceof ObjectNode) {
            return existing;
        }
        JsonNode created = wantArray ? NODES.arrayNode() : NODES.objectNode();
        place(parent, segment, created);
        return created;
    }

    /** Puts {@code value} at a field or index of {@code parent}; a list grows with nulls to reach the index. */
    private static void place(JsonNode parent, Object segment, JsonNode value) {
        if (segment instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= index) {
                array.add(NullNode.getInstance());
            }
            array.set(index, value);
        } else {
            ((ObjectNode) parent).set((String) segment, value);
        }
    }

    /** Drops the sources recorded under {@code key}: a new value replaces all of them. */
    private void forget(String key) {
        origins.keySet().removeIf(k -> k.startsWith(key + ".") || k.startsWith(key + "["));
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "a table";
            case ARRAY -> "a list";
            case STRING -> "the string '" + node.asText() + "'";
            case NULL, MISSING -> "null";
            default -> node.toString();
        };
    }
}
