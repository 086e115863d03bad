package dev.aurora.examples.books;

import dev.aurora.ETag;
import java.time.Instant;
import java.util.List;

/**
 * A book as the API sends it.
 *
 * @param id the id, assigned on creation
 * @param title the title
 * @param author the author
 * @param year the year of first publication
 * @param isbn the ISBN-13, or null
 * @param tags lower-case tags, sorted
 * @param version starts at 1 and goes up with every change, cover included: the {@code ETag}
 * @param updatedAt when it last changed: the {@code Last-Modified}
 * @param cover the cover's path, or null when it has none
 */
public record Book(long id, String title, String author, int year, String isbn, List<String> tags,
        int version, Instant updatedAt, String cover) {

    /** @return the strong entity-tag of this version, {@code "3"} for version 3 */
    public String etag() {
        return ETag.strong(Integer.toString(version));
    }
}
