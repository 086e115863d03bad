/**
 * HTTP errors: {@link dev.aurora.error.HttpException} and one subclass per common status. Thrown
 * from handlers and middleware, they become RFC 9457 problem responses.
 */
package dev.aurora.error;
