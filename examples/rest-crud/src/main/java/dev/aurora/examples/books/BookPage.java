package dev.aurora.examples.books;

import java.util.List;

/**
 * One page of {@code GET /books}.
 *
 * @param items the books on this page, at most {@code size}
 * @param page the page number, from 1
 * @param size the page size asked for
 * @param total how many books match the filters, on all pages
 */
public record BookPage(List<Book> items, int page, int size, long total) {
}
