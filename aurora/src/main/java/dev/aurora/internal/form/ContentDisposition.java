package dev.aurora.internal.form;

import dev.aurora.error.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A multipart part's {@code Content-Disposition: form-data; name="field"; filename="a.png"} (RFC
 * 7578 section 4.2). An RFC 8187 {@code filename*=UTF-8''%E8%A1%A8.png} wins over {@code filename}
 * when both are sent, as RFC 6266 asks of recipients; RFC 7578 forbids senders to use it, but some do.
 *
 * @param name the field name
 * @param filename the submitted file name, or null for a field
 */
record ContentDisposition(String name, String filename) {

    static ContentDisposition parse(String header) {
        if (header == null) {
            throw new BadRequestException("Multipart part without a Content-Disposition");
        }
        HeaderValue value = HeaderValue.parse(header);
        if (!value.token().equals("form-data")) {
            throw new BadRequestException("Multipart part's Content-Disposition is not form-data: " + value.token());
        }
        String name = value.parameter("name");
        if (name == null) {
            throw new BadRequestException("Multipart part's Content-Disposition has no name");
        }
        String extended = value.parameter("filename*");
        String filename = extended != null ? decodeExtended(extended) : null;
        return new ContentDisposition(name, filename != null ? filename : value.parameter("filename"));
    }

    /** {@code charset'language'percent-encoded}; null when it cannot be read, so {@code filename} is used. */
    private static String decodeExtended(String v) {
        int first = v.indexOf('\'');
        int second = first < 0 ? -1 : v.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        String charsetName = v.substring(0, first).toLowerCase(Locale.ROOT);
        Charset charset = switch (charsetName) {
            case "utf-8" -> StandardCharsets.UTF_8;
            case "iso-8859-1" -> StandardCharsets.ISO_8859_1;
            default -> null;
        };
        if (charset == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(v.length());
        for (int i = second + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && hex(v.charAt(i + 1)) >= 0 && hex(v.charAt(i + 2)) >= 0) {
                out.write(hex(v.charAt(i + 1)) << 4 | hex(v.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                return null;
            }
        }
        return out.toString(charset);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
