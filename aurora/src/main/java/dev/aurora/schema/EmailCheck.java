package dev.aurora.schema;

/**
 * {@link Email}: the pragmatic syntax described there, scanned by hand so that a valid address
 * costs no allocation (a regex would need a {@code Matcher}).
 */
final class EmailCheck implements Check {
    static final EmailCheck INSTANCE = new EmailCheck();

    private EmailCheck() {
    }

    @Override
    public boolean test(Object value) {
        return value == null || valid((CharSequence) value);
    }

    static boolean valid(CharSequence s) {
        int n = s.length();
        int at = -1;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        return at > 0 && at <= 64 && localPart(s, at) && domain(s, at + 1, n);
    }

    private static boolean localPart(CharSequence s, int end) {
        char prev = '.'; // so a leading dot counts as doubled
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || (c == '.' && prev == '.')
                    || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';'
                    || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\') {
                return false;
            }
            prev = c;
        }
        return prev != '.';
    }

    private static boolean domain(CharSequence s, int from, int to) {
        if (to - from > 253 || to == from) {
            return false;
        }
        int labels = 0;
        int start = from;
        boolean digitsOnly = true;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                int len = i - start;
                if (len == 0 || len > 63 || s.charAt(start) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == to && (len < 2 || digitsOnly)) {
                    return false; // the top-level label
                }
                start = i + 1;
                digitsOnly = true;
                continue;
            }
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
            digitsOnly &= c >= '0' && c <= '9';
        }
        return labels >= 2;
    }

    @Override
    public String code() {
        return "email";
    }

    @Override
    public String message() {
        return "must be a valid email address";
    }
}
