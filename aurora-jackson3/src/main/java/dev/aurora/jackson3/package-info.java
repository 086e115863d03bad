/**
 * {@link dev.aurora.jackson3.Jackson3Codec}: Aurora's JSON on Jackson 3 ({@code tools.jackson}),
 * with the same read limits, strict reading and error answers as the default Jackson 2 codec.
 */
package dev.aurora.jackson3;
