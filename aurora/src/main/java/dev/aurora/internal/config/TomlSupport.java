package dev.aurora.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.IOException;

/**
 * TOML through {@code jackson-dataformat-toml}, an optional dependency: an application that
 * configures itself from JSON, or not from a file at all, does not carry it, and start-up never
 * loads it. Only this class names the TOML reader, so it is loaded on the first {@code .toml} file.
 */
final class TomlSupport {
    private static final String MAPPER = "com.fasterxml.jackson.dataformat.toml.TomlFactory";

    private TomlSupport() {
    }

    /** @return whether the TOML reader is on the class path (or a module the application reads) */
    static boolean available() {
        try {
            Class.forName(MAPPER, false, TomlSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return what to add, for a file that is TOML when the reader is missing */
    static String missing() {
        String version = PackageVersion.VERSION.toString();
        return "is TOML, which needs com.fasterxml.jackson.dataformat:jackson-dataformat-toml:" + version
                + " (an optional dependency of Aurora): add it to the build, and on the module path also"
                + " 'requires com.fasterxml.jackson.dataformat.toml'; or use a .json file";
    }

    /** @return a parser over a TOML document: the whole document as one object's tokens */
    static JsonParser parser(String text) throws IOException {
        return Holder.TOML.createParser(text);
    }

    /** Loaded only when a TOML file is read. */
    private static final class Holder {
        static final com.fasterxml.jackson.dataformat.toml.TomlFactory TOML =
                new com.fasterxml.jackson.dataformat.toml.TomlFactory();
    }
}
