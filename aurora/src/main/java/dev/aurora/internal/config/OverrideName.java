package dev.aurora.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the name of an environment variable or system property into a key of a section's type.
 * Environment names lose case and word boundaries ({@code SERVER_MAX_BODY_SIZE}), so their
 * underscore-separated words are grouped, longest first, until the groups spell property names;
 * the type decides, which keeps {@code maxBodySize} and a nested {@code max.body.size} apart.
 * System property and code names are dotted, one property per segment. A number selects a list
 * element; in a map, one word is the map key.
 */
final class OverrideName {
    /** Where a name leads: the path into the section's tree, its display form, and the value's shape. */
    record Target(List<Object> segments, String key, Shape shape) {
    }

    private OverrideName() {
    }

    /**
     * @param words the name's words after the section's
     * @param grouped whether several words may spell one property (environment names)
     * @return the target, or null when the words spell no key of the type
     */
    static Target resolve(String section, Shape shape, List<String> words, boolean grouped) {
        return resolve(shape, words, 0, grouped, new ArrayList<>(), section);
    }

    private static Target resolve(Shape shape, List<String> words, int from, boolean grouped,
            List<Object> segments, String key) {
        if (from == words.size()) {
            return new Target(List.copyOf(segments), key, shape);
        }
        switch (shape.kind()) {
            case OBJECT -> {
                int longest = grouped ? words.size() : from + 1;
                for (int end = longest; end > from; end--) {
                    Shape.Property property = shape.property(String.join("", words.subList(from, end)));
                    if (property != null) {
                        segments.add(property.name());
                        Target found = resolve(shape.shapeOf(property), words, end, grouped, segments,
                                Keys.join(key, property.name()));
                        if (found != null) {
                            return found;
                        }
                        segments.removeLast();
                    }
                }
                return null;
            }
            case LIST -> {
                String word = words.get(from);
                if (word.isEmpty() || word.length() > 6 || !word.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int index = Integer.parseInt(word);
                segments.add(index);
                Target found = resolve(shape.content(), words, from + 1, grouped, segments, Keys.index(key, index));
                segments.removeLast();
                return found;
            }
            case MAP -> {
                String word = words.get(from);
                segments.add(word);
                Target found = resolve(shape.content(), words, from + 1, grouped, segments, Keys.join(key, word));
                segments.removeLast();
                return found;
            }
            default -> {
                return null;
            }
        }
    }

    /** The keys under a type that a single override can set, relative to it, for suggestions. */
    static List<String> settableKeys(Shape shape) {
        List<String> keys = new ArrayList<>();
        collect(shape, "", keys, 0);
        return keys;
    }

    private static void collect(Shape shape, String prefix, List<String> keys, int depth) {
        if (shape.kind() != Shape.Kind.OBJECT || depth > 6) {
            if (!prefix.isEmpty()) {
                keys.add(prefix);
            }
            return;
        }
        for (String name : shape.propertyNames()) {
            collect(shape.shapeOf(shape.property(name)), Keys.join(prefix, name), keys, depth + 1);
        }
    }

    /** {@code server.maxBodySize} to {@code SERVER_MAX_BODY_SIZE}. */
    static String environmentForm(String key) {
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '-') {
                out.append('_');
            } else if (Character.isUpperCase(c) && i > 0 && Character.isLetterOrDigit(key.charAt(i - 1))
                    && !Character.isUpperCase(key.charAt(i - 1))) {
                out.append('_').append(c);
            } else {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** Splits {@code a.b[2].c} into {@code a, b, 2, c}. */
    static List<String> dottedWords(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                words.add(part);
                continue;
            }
            words.add(part.substring(0, bracket));
            for (String index : part.substring(bracket + 1).split("\\]\\[?", -1)) {
                if (!index.isEmpty()) {
                    words.add(index);
                }
            }
        }
        return words;
    }
}
