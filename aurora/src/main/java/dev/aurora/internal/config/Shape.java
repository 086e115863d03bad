package dev.aurora.internal.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a configuration type looks like to the binder: an object with named properties, a list,
 * a map, or a single value. It is what lets {@code AURORA_SERVER_MAX_BODY_SIZE} and the TOML key
 * {@code max_body_size} find the property {@code maxBodySize}: names are matched ignoring case,
 * {@code _} and {@code -}. Properties come from Jackson's own view of the type, so records,
 * beans and {@code @JsonProperty} renames all agree with how the value is then bound.
 */
final class Shape {
    enum Kind { OBJECT, LIST, MAP, VALUE }

    private final ObjectMapper mapper;
    private final JavaType type;
    private final Kind kind;
    private Map<String, Property> properties;

    record Property(String name, JavaType type) {
    }

    private Shape(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
        this.kind = kindOf(type);
    }

    static Shape of(ObjectMapper mapper, JavaType type) {
        return new Shape(mapper, type);
    }

    Kind kind() {
        return kind;
    }

    JavaType type() {
        return type;
    }

    /** The element shape of a list, or the value shape of a map. */
    Shape content() {
        return new Shape(mapper, type.getContentType());
    }

    /** @return the property that {@code name} spells, in any case and with any separators, or null */
    Property property(String name) {
        return properties().get(normalize(name));
    }

    Shape shapeOf(Property property) {
        return new Shape(mapper, property.type());
    }

    /** @return the property names in declaration order */
    List<String> propertyNames() {
        return properties().values().stream().map(Property::name).toList();
    }

    /** Lowercase without {@code _} and {@code -}: the form in which names are compared. */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private Map<String, Property> properties() {
        if (properties == null) {
            Map<String, Property> found = new LinkedHashMap<>();
            if (kind == Kind.OBJECT) {
                BeanDescription description = mapper.getDeserializationConfig().introspect(type);
                for (BeanPropertyDefinition definition : description.findProperties()) {
                    if (definition.couldDeserialize()) {
                        found.putIfAbsent(normalize(definition.getName()),
                                new Property(definition.getName(), definition.getPrimaryType()));
                    }
                }
            }
            properties = found;
        }
        return properties;
    }

    private static Kind kindOf(JavaType type) {
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return Kind.LIST;
        }
        if (type.isMapLikeType()) {
            return Kind.MAP;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isPrimitive() || raw.isEnum() || raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return Kind.VALUE;
        }
        String name = raw.getName();
        // JDK types (String, Duration, Path, URI, numbers, Optional...) are single values in a file.
        return name.startsWith("java.") || name.startsWith("javax.") ? Kind.VALUE : Kind.OBJECT;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + type;
    }
}
