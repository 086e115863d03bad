package dev.aurora.handler;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.error.NotFoundException;
import dev.aurora.internal.files.ClasspathSource;
import dev.aurora.internal.files.ContentTypes;
import dev.aurora.internal.files.DirectorySource;
import dev.aurora.internal.files.FileResponse;
import dev.aurora.internal.files.FileSource;
import dev.aurora.internal.files.SafePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files from a directory or a class-path folder, on a route that ends in a catch-all.
 *
 * <pre>{@code
 * app.get("/assets/*file", StaticFileHandler.directory(Path.of("public")).cacheControl("public, max-age=3600"));
 * app.get("/*file", StaticFileHandler.classpath("web"));      // index.html for "/", "/docs/" and so on
 * }</pre>
 *
 * <ul>
 *   <li>{@code Content-Type} by file extension (UTF-8 for text), a strong {@code ETag} (size and
 *       modification time) and {@code Last-Modified}.</li>
 *   <li>Conditional requests as {@link dev.aurora.Context#conditional Context.conditional}
 *       evaluates them (RFC 9110 section 13.2.2, the same code): a matching
 *       {@code If-None-Match}, or else an {@code If-Modified-Since} not older than the file, gets
 *       {@code 304} with the {@code ETag}, {@code Last-Modified}, {@code Cache-Control} and (under
 *       {@code Compression}) the {@code Vary} and weak {@code ETag} of the {@code 200}, but no
 *       {@code Content-Type} or body; an {@code If-Match} without the file's tag (strong
 *       comparison), or else an {@code If-Unmodified-Since} older than the file, gets {@code 412}
 *       as a problem response.</li>
 *   <li>A single {@code Range} gets {@code 206} with {@code Content-Range}; with {@code If-Range},
 *       only when that names the current strong tag or exactly the modification date, else the
 *       whole file. A range past the end gets {@code 416}. Several ranges in one request get the
 *       whole file, as the RFC allows.</li>
 *   <li>A directory is served through its index file ({@code index.html} by default); a request
 *       for it without the trailing slash is redirected ({@code 301}) to the slashed path, so the
 *       page's relative links resolve. There are no directory listings.</li>
 *   <li>Nothing outside the root can be reached: {@code ..} and {@code .} segments, encoded or
 *       not, backslashes, drive letters and control characters are refused; a symbolic link
 *       under the root that points outside it is not followed out. Names starting with a dot
 *       ({@code .env}, {@code .git}) are not served unless allowed, except {@code .well-known}.
 *       Anything refused or missing is a plain {@code 404}, which reveals nothing.</li>
 *   <li>GET and HEAD (a GET route serves HEAD); HEAD sends the headers without reading the file.</li>
 * </ul>
 *
 * <p>Instances are immutable; the {@code withX}-style methods return changed copies.
 */
public final class StaticFileHandler implements Handler {
    private final FileSource source;
    private final String index;
    private final String cacheControl;
    private final boolean dotFiles;
    /** The catch-all's name per route pattern; bounded by the number of routes. */
    private final ConcurrentHashMap<String, String> wildcardNames = new ConcurrentHashMap<>();

    private StaticFileHandler(FileSource source, String index, String cacheControl, boolean dotFiles) {
        this.source = source;
        this.index = index;
        this.cacheControl = cacheControl;
        this.dotFiles = dotFiles;
    }

    /**
     * {@return a handler serving its files, with {@code index.html} and {@code Cache-Control: no-cache}}
     *
     * @param root an existing directory
     * @throws IllegalArgumentException if {@code root} is not a directory
     */
    public static StaticFileHandler directory(Path root) {
        return new StaticFileHandler(new DirectorySource(root), "index.html", "no-cache", false);
    }

    /**
     * {@return a handler serving its files, from a directory or a jar}
     *
     * @param folder a folder on the class path, such as {@code "public"}
     * @throws IllegalArgumentException if the folder is not on the class path
     */
    public static StaticFileHandler classpath(String folder) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new StaticFileHandler(new ClasspathSource(loader == null ? StaticFileHandler.class.getClassLoader() : loader, folder),
                "index.html", "no-cache", false);
    }

    /**
     * {@return a copy with that value}
     *
     * @param value the {@code Cache-Control} of every file response; {@code no-cache} (the
     *     default) makes browsers revalidate with the {@code ETag} each time; fingerprinted assets
     *     want {@code public, max-age=31536000, immutable}; null sends none
     */
    public StaticFileHandler cacheControl(String value) {
        return new StaticFileHandler(source, index, value, dotFiles);
    }

    /**
     * {@return a copy with that index file}
     *
     * @param fileName the file that serves a directory, or null for none (a directory is then 404)
     */
    public StaticFileHandler index(String fileName) {
        if (fileName != null) {
            List<String> names = SafePath.segments(fileName, true);
            if (names == null || names.size() != 1) {
                throw new IllegalArgumentException("an index is one file name: '" + fileName + "'");
            }
        }
        return new StaticFileHandler(source, fileName, cacheControl, dotFiles);
    }

    /**
     * {@return a copy with that rule}
     *
     * @param allow whether names starting with a dot may be served
     */
    public StaticFileHandler dotFiles(boolean allow) {
        return new StaticFileHandler(source, index, cacheControl, allow);
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String relative = ctx.param(wildcardNames.computeIfAbsent(ctx.routePattern(), StaticFileHandler::wildcardOf));
        List<String> segments = relative == null ? null : SafePath.segments(relative, dotFiles);
        if (segments == null) {
            throw notFound();
        }
        FileSource.Lookup found = source.find(segments);
        boolean directory = found instanceof FileSource.Directory;
        if (directory) {
            if (index == null) {
                throw notFound();
            }
            if (!ctx.path().endsWith("/")) {
                ctx.redirect(ctx.path() + "/", 301);
                return;
            }
            List<String> withIndex = new ArrayList<>(segments);
            withIndex.add(index);
            found = source.find(withIndex);
        }
        // "site.css/" names a directory: a file there is not what was asked for.
        if (!(found instanceof FileSource.Found file) || relative.endsWith("/") && !directory) {
            throw notFound();
        }
        FileResponse.send(ctx, file.resource(), ContentTypes.of(file.resource().fileName()), cacheControl);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such file");
    }

    private static String wildcardOf(String pattern) {
        int star = Objects.requireNonNull(pattern, "pattern").lastIndexOf('*');
        if (star < 0 || pattern.indexOf('/', star) >= 0) {
            throw new IllegalStateException("StaticFileHandler needs a route ending in a catch-all, such as /assets/*file: " + pattern);
        }
        return pattern.substring(star + 1);
    }
}
