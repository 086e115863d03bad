package dev.aurora.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the tool reports: files and bytes under a directory, per file extension, largest first.
 *
 * @param root the directory
 * @param files regular files found
 * @param bytes their total size
 * @param byExtension per extension (lower case, {@code "(none)"} without one): count and bytes
 * @param truncated whether the walk stopped at {@link #MAX_FILES}
 */
public record DirectoryReport(Path root, long files, long bytes, List<Extension> byExtension, boolean truncated) {
    /** Files looked at, at most: a report of a huge tree stays quick. */
    static final int MAX_FILES = 200_000;

    /**
     * @param extension the extension
     * @param files how many files have it
     * @param bytes their total size
     */
    public record Extension(String extension, long files, long bytes) {
    }

    /** @return the report of {@code root}; unreadable entries are skipped */
    public static DirectoryReport of(Path root) {
        Map<String, long[]> totals = new TreeMap<>();
        long files = 0;
        long bytes = 0;
        boolean truncated = false;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (files == MAX_FILES) {
                    truncated = true;
                    break;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue;
                }
                if (a.isRegularFile()) {
                    files++;
                    bytes += a.size();
                    long[] t = totals.computeIfAbsent(extension(p), k -> new long[2]);
                    t[0]++;
                    t[1] += a.size();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root, e);
        }
        List<Extension> byExtension = totals.entrySet().stream()
                .map(e -> new Extension(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Extension::bytes).reversed().thenComparing(Extension::extension))
                .toList();
        return new DirectoryReport(root.toAbsolutePath().normalize(), files, bytes, byExtension, truncated);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "(none)" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
