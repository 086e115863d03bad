package dev.aurora.internal.config;

import java.util.Locale;

/**
 * Reads a byte count with an optional unit: {@code 65536}, {@code 64KiB}, {@code 10MiB},
 * {@code 1GB}. Binary units (KiB, MiB, GiB) are powers of 1024 and decimal ones (KB, MB, GB)
 * powers of 1000, as their names say; a plain number is bytes.
 */
final class ByteSizeText {
    static final String EXPECTED = "a whole number of bytes, optionally with a unit (B, KB, KiB, MB, MiB, GB, GiB)";

    private ByteSizeText() {
    }

    /** @throws IllegalArgumentException naming the expected forms, or the overflow */
    static long parse(String text) {
        String value = text.strip().replace("_", "");
        int i = 0;
        while (i < value.length() && Character.isDigit(value.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
        }
        long multiplier = multiplier(value.substring(i).strip().toLowerCase(Locale.ROOT), text);
        try {
            return Math.multiplyExact(Long.parseLong(value, 0, i, 10), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    private static long multiplier(String unit, String original) {
        return switch (unit) {
            case "", "b" -> 1L;
            case "kb" -> 1000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1000L * 1000;
            case "mib" -> 1L << 20;
            case "gb" -> 1000L * 1000 * 1000;
            case "gib" -> 1L << 30;
            default -> throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + original + "'");
        };
    }
}
