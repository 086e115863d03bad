/**
 * Configuration files (TOML or JSON), environment variables and system properties bound into
 * typed, validated records; see {@link dev.aurora.config.Configuration}.
 */
package dev.aurora.config;
