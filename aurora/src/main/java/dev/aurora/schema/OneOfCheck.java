package dev.aurora.schema;

import java.util.Set;

/** {@link OneOf}: the text equals one of a fixed set of strings. */
record OneOfCheck(Set<String> allowed, String[] ordered, String message) implements Check {
    OneOfCheck(String[] values) {
        this(Set.of(values), values.clone(), "must be one of " + String.join(", ", values));
    }

    @Override
    public boolean test(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return allowed.contains(s); // String caches its hash: no allocation
        }
        CharSequence cs = (CharSequence) value;
        for (String s : ordered) {
            if (s.contentEquals(cs)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String code() {
        return "oneOf";
    }
}
