/**
 * Declarative validation of records and plain objects: constraint annotations ({@link
 * dev.aurora.schema.Required}, {@link dev.aurora.schema.Range}, {@link dev.aurora.schema.Length},
 * {@link dev.aurora.schema.Pattern}, {@link dev.aurora.schema.Email}, {@link
 * dev.aurora.schema.OneOf}), and rules of a type's own ({@link dev.aurora.schema.Validatable}),
 * checked by a {@link dev.aurora.schema.Schema}, which reports each
 * {@link dev.aurora.schema.Violation} with a JSON Pointer to the offending value.
 */
package dev.aurora.schema;
