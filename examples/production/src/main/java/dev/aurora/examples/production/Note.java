package dev.aurora.examples.production;

import java.time.Instant;

/**
 * A stored note, as the API returns it.
 *
 * @param id the id the database gave it
 * @param text what it says
 * @param created when it was stored
 */
public record Note(long id, String text, Instant created) {
}
