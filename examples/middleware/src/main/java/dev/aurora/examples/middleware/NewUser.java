package dev.aurora.examples.middleware;

import dev.aurora.schema.Email;
import dev.aurora.schema.Length;
import dev.aurora.schema.Required;

/**
 * The body of {@code POST /api/v1/users}.
 *
 * @param name 1-50 characters
 * @param email an address
 */
public record NewUser(@Required @Length(max = 50) String name, @Required @Email String email) {
}
