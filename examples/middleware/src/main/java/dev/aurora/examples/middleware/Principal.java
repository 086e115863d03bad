package dev.aurora.examples.middleware;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a bearer token stands for, and what it may do.
 *
 * @param subject the user's name
 * @param scopes what the token grants: {@code users:read}, {@code users:write}
 */
public record Principal(String subject, Set<String> scopes) {
    /** Copies the scopes, sorted (so they are sent in a stable order). */
    public Principal {
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    }
}
