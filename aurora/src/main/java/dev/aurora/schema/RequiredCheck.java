package dev.aurora.schema;

/** {@link Required}: not null, and for text not blank unless allowed. */
record RequiredCheck(boolean allowBlank) implements Check {
    @Override
    public boolean test(Object value) {
        if (value == null) {
            return false;
        }
        return allowBlank || !(value instanceof CharSequence cs) || !blank(cs);
    }

    /** Used to tell "null" from "blank" when a violation is reported. */
    String messageFor(Object value) {
        return value == null ? "must not be null" : "must not be blank";
    }

    private static boolean blank(CharSequence cs) {
        for (int i = 0, n = cs.length(); i < n; i++) {
            if (!Character.isWhitespace(cs.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String code() {
        return "required";
    }

    @Override
    public String message() {
        return "must not be null";
    }
}
