/**
 * HTML forms: {@code application/x-www-form-urlencoded} and {@code multipart/form-data} request
 * bodies, read whole ({@link dev.aurora.form.Form}, from {@code ctx.form()}) or part by part
 * ({@link dev.aurora.form.FormStream}, from {@code ctx.formStream()}) for uploads too large to
 * hold. Limits come from {@link dev.aurora.FormConfig}.
 */
package dev.aurora.form;
