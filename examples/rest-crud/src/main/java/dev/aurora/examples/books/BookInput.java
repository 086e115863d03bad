package dev.aurora.examples.books;

import dev.aurora.schema.Length;
import dev.aurora.schema.Pattern;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /books} and {@code PUT /books/:id}, validated by {@code Validated.body}
 * before the handler runs.
 *
 * @param title 1-200 characters
 * @param author 1-100 characters
 * @param year the year of first publication
 * @param isbn an ISBN-13 (13 digits starting 978 or 979), optional; unique among books
 * @param tags up to 10 tags of 1-30 characters; stored lower-case, each once
 */
public record BookInput(@Required @Length(max = 200) String title,
        @Required @Length(max = 100) String author,
        @Required @Range(min = -3000, max = 2100) Integer year,
        @Pattern("97[89][0-9]{10}") String isbn,
        @Length(max = 10) List<String> tags) {

    /** Normalises the tags; a tag that is blank or too long refuses the body ({@code invalid}). */
    public BookInput {
        tags = tags == null ? List.of() : tags.stream().map(BookInput::normalTag).distinct().sorted().toList();
    }

    private static String normalTag(String tag) {
        String normal = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (normal.isEmpty() || normal.length() > 30) {
            throw new IllegalArgumentException("tags must be 1-30 characters each: '" + normal + "'");
        }
        return normal;
    }
}
