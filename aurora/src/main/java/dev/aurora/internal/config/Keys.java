package dev.aurora.internal.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Key paths as errors show them: {@code server.port}, {@code db.replicas[1].host}. */
final class Keys {
    private Keys() {
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The key path of the value Jackson was binding, under {@code section}. */
    static String of(String section, List<JsonMappingException.Reference> path) {
        String key = section;
        for (JsonMappingException.Reference ref : path) {
            key = ref.getFieldName() != null ? join(key, ref.getFieldName()) : index(key, ref.getIndex());
        }
        return key;
    }

    /** The parent of {@code key}, or "" at the top. */
    static String parent(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? "" : key.substring(0, cut);
    }
}
