package dev.aurora.examples.middleware;

/**
 * A user of the directory.
 *
 * @param id assigned by the directory
 * @param name the name
 * @param email the address
 */
public record User(long id, String name, String email) {
}
