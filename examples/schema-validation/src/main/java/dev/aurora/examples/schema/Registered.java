package dev.aurora.examples.schema;

import java.time.Instant;

/**
 * A stored registration, as the API sends it back.
 *
 * @param id assigned when it was stored
 * @param receivedAt when it was stored
 * @param registration what was sent
 */
public record Registered(long id, Instant receivedAt, Registration registration) {
}
