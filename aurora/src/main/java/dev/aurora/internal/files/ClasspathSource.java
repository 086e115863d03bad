package dev.aurora.internal.files;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files in a class-path folder, from a directory during development or a jar when packaged. The
 * class loader cannot climb above a name without {@code ..}, which {@link SafePath} never passes.
 */
public final class ClasspathSource implements FileSource {
    private final ClassLoader loader;
    private final String base;

    /**
     * @param loader the class loader to look in
     * @param folder the folder, such as {@code public} or {@code META-INF/resources}
     */
    public ClasspathSource(ClassLoader loader, String folder) {
        this.loader = loader;
        String trimmed = folder.replaceAll("^/+|/+$", "");
        this.base = trimmed.isEmpty() ? "" : trimmed + "/";
        if (loader.getResource(trimmed.isEmpty() ? "" : trimmed) == null) {
            throw new IllegalArgumentException("no class-path folder '" + folder + "'");
        }
    }

    @Override
    public Lookup find(List<String> segments) throws IOException {
        String name = base + String.join("/", segments);
        URL url = loader.getResource(name);
        if (url == null) {
            return MISSING;
        }
        if ("file".equals(url.getProtocol())) {
            Path path;
            try {
                path = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                return MISSING;
            }
            if (Files.isDirectory(path)) {
                return DIRECTORY;
            }
            String fileName = segments.isEmpty() ? "" : segments.getLast();
            return new Found(new Resource(fileName, Files.size(path), Files.getLastModifiedTime(path).toMillis(),
                    () -> Files.newInputStream(path), path));
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar && (jar.getJarEntry() == null || jar.getJarEntry().isDirectory())) {
            return DIRECTORY;
        }
        if (segments.isEmpty()) {
            return DIRECTORY;
        }
        return new Found(new Resource(segments.getLast(), connection.getContentLengthLong(),
                connection.getLastModified(), url::openStream, null));
    }
}
