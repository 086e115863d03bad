package dev.aurora.internal.form;

import dev.aurora.FormConfig;
import dev.aurora.form.FormStream;
import java.io.InputStream;

/** Opens the reader a request's {@code Content-Type} calls for. Stateless. */
public final class FormReading {
    private FormReading() {
    }

    /**
     * @param contentType the request's {@code Content-Type}, or null
     * @param method the request method (a {@code 415} names what POST and PATCH accept)
     * @param body the request body
     * @throws dev.aurora.error.UnsupportedMediaTypeException ({@code 415}) when the body is not a form
     * @throws dev.aurora.error.BadRequestException for a multipart type without a usable boundary
     */
    public static FormStream open(String contentType, String method, InputStream body, FormConfig config) {
        FormContentType type = FormContentType.of(contentType, method);
        return type.multipart()
                ? new MultipartReader(body, type.boundary(), config)
                : new UrlEncodedReader(body, config);
    }
}
