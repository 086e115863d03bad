package dev.aurora.examples.books;

import dev.aurora.schema.Length;
import dev.aurora.schema.Range;
/**
 * The query of {@code GET /books}, bound and validated by {@code Validated.query}: every
 * parameter is optional and unknown ones are ignored.
 *
 * @param page the page, from 1 (default 1)
 * @param size books per page, 1-100 (default 20)
 * @param author only books whose author contains this, ignoring case
 * @param q only books whose title contains this, ignoring case
 * @param tag only books with this tag
 * @param from only books published in this year or later
 * @param to only books published in this year or earlier
 * @param sort the order, in any case: {@code id} (default), {@code title}, {@code year} or {@code updated}
 *     (most recently changed first)
 */
public record BookQuery(@Range(min = 1, max = 100_000) Integer page, @Range(min = 1, max = 100) Integer size,
        @Length(max = 100) String author, @Length(max = 100) String q, @Length(max = 30) String tag,
        Integer from, Integer to, Sort sort) {

    /** The orders {@code sort} may ask for. */
    public enum Sort { ID, TITLE, YEAR, UPDATED }

    /** Fills in the defaults; {@code from} after {@code to} is refused ({@code invalid}). */
    public BookQuery {
        page = page == null ? 1 : page;
        size = size == null ? 20 : size;
        sort = sort == null ? Sort.ID : sort;
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("from must not be after to: " + from + " > " + to);
        }
    }

    /** @return how many rows the pages before this one hold */
    long offset() {
        return (long) (page - 1) * size;
    }
}
