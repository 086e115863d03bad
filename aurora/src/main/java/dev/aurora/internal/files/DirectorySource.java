package dev.aurora.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Files under a directory. Every hit is resolved to its real path and must still be under the
 * root's real path, so a symbolic link inside the root that points outside it is not followed out.
 */
public final class DirectorySource implements FileSource {
    private final Path root;

    /**
     * @param root an existing directory
     * @throws IllegalArgumentException if it is not one
     */
    public DirectorySource(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("static files directory does not exist: " + root.toAbsolutePath(), e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("static files root is not a directory: " + this.root);
        }
    }

    @Override
    public Lookup find(List<String> segments) throws IOException {
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        Path real;
        BasicFileAttributes attributes;
        try {
            real = path.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return MISSING;
        }
        if (!real.startsWith(root)) {
            return MISSING;
        }
        if (attributes.isDirectory()) {
            return DIRECTORY;
        }
        if (!attributes.isRegularFile() || !Files.isReadable(real)) {
            return MISSING;
        }
        return new Found(new Resource(real.getFileName().toString(), attributes.size(),
                attributes.lastModifiedTime().toMillis(), () -> Files.newInputStream(real), real));
    }
}
