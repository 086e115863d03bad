/**
 * JSON behind a small interface: {@link dev.aurora.json.JsonCodec} reads request bodies and writes
 * responses, {@link dev.aurora.json.JsonReadException} says what was wrong with a body in terms
 * Aurora turns into a {@code 400}, {@code 413} or a validation error. {@link
 * dev.aurora.json.JacksonCodec} (Jackson 2) is the default; the {@code aurora-jackson3} module
 * offers Jackson 3, and any other library fits behind the same two methods.
 */
package dev.aurora.json;
