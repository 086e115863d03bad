package dev.aurora.internal.form;

import dev.aurora.error.BadRequestException;
import dev.aurora.error.UnsupportedMediaTypeException;

/**
 * What kind of form a request's {@code Content-Type} announces, and its multipart boundary. A
 * boundary is 1 to 70 characters (RFC 2046 section 5.1.1), quoted or not.
 *
 * @param multipart whether the body is {@code multipart/form-data} (else urlencoded)
 * @param boundary the multipart boundary, or null
 */
record FormContentType(boolean multipart, String boundary) {
    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";
    static final String ACCEPTED = URLENCODED + ", " + MULTIPART;
    private static final int MAX_BOUNDARY = 70;

    /**
     * @param method the request method, to name the header that lists what the route accepts
     * @throws UnsupportedMediaTypeException ({@code 415}) when the body is not a form
     * @throws BadRequestException when a multipart boundary is missing or malformed
     */
    static FormContentType of(String contentType, String method) {
        HeaderValue value = contentType == null ? null : HeaderValue.parse(contentType);
        if (value != null && value.token().equals(URLENCODED)) {
            return new FormContentType(false, null);
        }
        if (value != null && value.token().equals(MULTIPART)) {
            String boundary = value.parameter("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new BadRequestException("multipart/form-data without a boundary parameter");
            }
            if (boundary.length() > MAX_BOUNDARY) {
                throw new BadRequestException("Multipart boundary longer than " + MAX_BOUNDARY + " characters");
            }
            for (int i = 0; i < boundary.length(); i++) {
                char c = boundary.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new BadRequestException("Multipart boundary with a character outside printable ASCII");
                }
            }
            return new FormContentType(true, boundary);
        }
        throw UnsupportedMediaTypeException.expected(method, value == null ? null : value.token(), "a form body",
                ACCEPTED);
    }
}
