/**
 * Aurora's public API: {@link dev.aurora.Aurora} (routes and lifecycle), {@link dev.aurora.Handler},
 * {@link dev.aurora.Context} (one request and its response), {@link dev.aurora.ServerConfig} and
 * {@link dev.aurora.error.HttpException}. Everything under {@code dev.aurora.internal} is machinery and
 * may change without notice.
 */
package dev.aurora;
