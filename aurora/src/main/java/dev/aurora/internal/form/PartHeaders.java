package dev.aurora.internal.form;

/**
 * What a part's headers say about it, with the defaults applied once: the sanitised file name, and
 * the type RFC 7578 implies when none was sent ({@code text/plain}; for a file,
 * {@code application/octet-stream}, which is what browsers send for an unknown type).
 *
 * @param name the field name
 * @param submittedFilename the file name as sent; null for a field
 * @param filename the sanitised file name; null for a field
 * @param contentType the part's type, defaulted
 */
record PartHeaders(String name, String submittedFilename, String filename, String contentType) {

    static PartHeaders of(String name, String submittedFilename, String contentType) {
        boolean file = submittedFilename != null;
        return new PartHeaders(name, submittedFilename, file ? SafeFilename.of(submittedFilename) : null,
                contentType != null ? contentType : file ? "application/octet-stream" : "text/plain");
    }
}
