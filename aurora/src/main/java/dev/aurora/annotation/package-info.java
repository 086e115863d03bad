/**
 * Annotations for controllers: plain classes whose methods become routes when registered with
 * {@link dev.aurora.Aurora#routes(Object)} or {@link dev.aurora.Router#routes(Object)}. The class is
 * read once at registration; requests call the method through a prebuilt method handle.
 */
package dev.aurora.annotation;
