package dev.aurora.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link CharSequence} must look like an email address. The check is pragmatic, not RFC 5322:
 * exactly one {@code @}; a local part of 1-64 characters without whitespace, control characters,
 * or a leading, trailing or doubled dot; a domain of at most 253 characters made of at least two
 * dot-separated labels of 1-63 letters, digits or hyphens (non-ASCII letters allowed) that do not
 * start or end with a hyphen, the last label at least two characters and not all digits. Quoted
 * local parts and IP-literal domains are rejected. {@code null} passes. Code {@code email}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Email {
}
