package dev.aurora.schema;

/** RFC 6901 reference tokens: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
final class JsonPointer {
    private JsonPointer() {
    }

    /** @return {@code "/"} followed by the escaped token */
    static String escape(String token) {
        StringBuilder b = new StringBuilder(token.length() + 1).append('/');
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case '~' -> b.append("~0");
                case '/' -> b.append("~1");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
