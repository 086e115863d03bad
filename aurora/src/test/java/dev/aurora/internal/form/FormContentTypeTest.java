package dev.aurora.internal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.error.BadRequestException;
import dev.aurora.error.UnsupportedMediaTypeException;
import org.junit.jupiter.api.Test;

class FormContentTypeTest {

    @Test
    void boundariesQuotedOrNot() {
        assertEquals("abc", FormContentType.of("multipart/form-data; boundary=abc", "POST").boundary());
        assertEquals("a b;c", FormContentType.of("Multipart/Form-Data;boundary=\"a b;c\"", "POST").boundary());
        assertEquals("----WebKitFormBoundary7MA4YWxkTrZu0gW",
                FormContentType.of("multipart/form-data; charset=utf-8; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", "PUT").boundary());
        assertTrue(FormContentType.of("multipart/form-data; boundary=x", "POST").multipart());
        FormContentType urlencoded = FormContentType.of("application/x-www-form-urlencoded; charset=UTF-8", "POST");
        assertFalse(urlencoded.multipart());
        assertNull(urlencoded.boundary());
    }

    @Test
    void aMissingOrBadBoundaryIs400() {
        assertEquals("multipart/form-data without a boundary parameter",
                assertThrows(BadRequestException.class, () -> FormContentType.of("multipart/form-data", "POST")).getMessage());
        assertEquals("Multipart boundary longer than 70 characters",
                assertThrows(BadRequestException.class, () -> FormContentType.of("multipart/form-data; boundary=" + "b".repeat(71), "POST")).getMessage());
        assertEquals(70, FormContentType.of("multipart/form-data; boundary=" + "b".repeat(70), "POST").boundary().length());
    }

    @Test
    void anythingElseIs415SayingWhatIsAccepted() {
        UnsupportedMediaTypeException post = assertThrows(UnsupportedMediaTypeException.class,
                () -> FormContentType.of("application/json", "POST"));
        assertEquals(415, post.status());
        assertEquals("Expected a form body (application/x-www-form-urlencoded, multipart/form-data), got application/json", post.getMessage());
        assertEquals("application/x-www-form-urlencoded, multipart/form-data", post.headers().get("Accept-Post"));
        UnsupportedMediaTypeException patch = assertThrows(UnsupportedMediaTypeException.class, () -> FormContentType.of(null, "PATCH"));
        assertEquals("application/x-www-form-urlencoded, multipart/form-data", patch.headers().get("Accept-Patch"));
        assertTrue(assertThrows(UnsupportedMediaTypeException.class, () -> FormContentType.of("text/plain", "PUT")).headers().isEmpty());
    }
}
