package dev.aurora.schema;

/** The readable message for an inclusive range, where the type's extremes mean "no bound". */
final class Bounds {
    private Bounds() {
    }

    static String message(String prefix, long min, long max, long lowest, long highest) {
        if (min == lowest) {
            return prefix + "at most " + max;
        }
        if (max == highest) {
            return prefix + "at least " + min;
        }
        return prefix + "between " + min + " and " + max;
    }
}
