package dev.aurora.internal.files;

import java.io.IOException;
import java.util.List;

/**
 * Where static files come from: a directory or a class-path folder. A source is given path
 * segments that are already checked (no {@code .}, {@code ..}, separators or NUL; see
 * {@link SafePath}) and must still never answer with anything outside its root.
 */
public sealed interface FileSource permits DirectorySource, ClasspathSource {
    /** What a lookup found. */
    sealed interface Lookup permits Found, Directory, Missing {
    }

    /** @param resource a regular file to serve */
    record Found(Resource resource) implements Lookup {
    }

    /** A directory: served through its index file, if any. */
    record Directory() implements Lookup {
    }

    /** Nothing there, or nothing this source will serve. */
    record Missing() implements Lookup {
    }

    Lookup MISSING = new Missing();
    Lookup DIRECTORY = new Directory();

    /** @param segments the file's path below the root, one name per element */
    Lookup find(List<String> segments) throws IOException;
}
