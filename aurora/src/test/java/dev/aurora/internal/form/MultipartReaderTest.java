package dev.aurora.internal.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.FormConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.HttpException;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.form.FormPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 7578 / RFC 2046 bodies, read through bodies that arrive in pieces of every size. */
class MultipartReaderTest {
    private static final String B = "XyZ";

    record Seen(String name, String filename, String submitted, String type, String text) {
    }

    private static List<Seen> parts(InputStream body, String boundary, FormConfig config) throws IOException {
        MultipartReader reader = new MultipartReader(body, boundary, config);
        List<Seen> out = new ArrayList<>();
        for (FormPart p = reader.next(); p != null; p = reader.next()) {
            out.add(new Seen(p.name(), p.filename(), p.submittedFilename(), p.contentType(),
                    new String(p.inputStream().readAllBytes(), StandardCharsets.UTF_8)));
        }
        assertNull(reader.next(), "stays at the end");
        return out;
    }

    private static List<Seen> parts(String body, int step) throws IOException {
        return parts(Trickle.of(body, step), B, FormConfig.defaults());
    }

    private static final String TWO_PARTS = "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
            + "Dune\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"cover\"; filename=\"dune.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n"
            + "\u0089PNG\r\n--Xy not a delimiter\r\n\r\n"
            + "\r\n--XyZ--\r\n";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void partsAreSplitAtTheirDelimitersHoweverTheBytesArrive(int step) throws IOException {
        List<Seen> seen = parts(TWO_PARTS, step);
        assertEquals(List.of(
                new Seen("title", null, null, "text/plain", "Dune"),
                new Seen("cover", "dune.png", "dune.png", "image/png", "\u0089PNG\r\n--Xy not a delimiter\r\n\r\n")), seen);
    }

    @Test
    void preambleEpilogueAndTransportPaddingAreIgnored() throws IOException {
        String body = "This is the preamble.\r\nIt is ignored.\r\n"
                + "--XyZ \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
                + "--XyZ\r\ncontent-disposition: FORM-DATA; NAME=\"b\"\r\n\r\n\r\n"
                + "--XyZ--\r\nThis is the epilogue, also ignored.\r\n--XyZ\r\n";
        assertEquals(List.of(new Seen("a", null, null, "text/plain", "1"), new Seen("b", null, null, "text/plain", "")),
                parts(body, 5));
    }

    @Test
    void aBodyThatStartsWithItsDelimiterWithoutCrlfIsRead() throws IOException {
        assertEquals(1, parts("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--", 1).size());
    }

    @Test
    void fileNamesAreDecodedAndSanitised() throws IOException {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"C:\\photos\\cat.png\"\r\n\r\nx\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"g\"; filename=\"a.png\"; filename*=UTF-8''%E8%A1%A8%E7%B4%99.png\r\n\r\ny\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"h\"; filename=\"../../etc/passwd\"\r\n\r\nz\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"i\"; filename=\"say \\\"hi\\\".txt\"\r\n\r\nw\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"j\"; filename=\"表紙.png\"\r\n\r\nv\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"k\"; filename=\"\"\r\n\r\n\r\n"
                + "--XyZ--";
        List<Seen> seen = parts(body, 3);
        assertEquals("cat.png", seen.get(0).filename());
        assertEquals("C:\\photos\\cat.png", seen.get(0).submitted());
        assertEquals("表紙.png", seen.get(1).filename(), "filename* wins over filename");
        assertEquals("passwd", seen.get(2).filename());
        assertEquals("say hi.txt", seen.get(3).filename(), "the escaped quotes are dropped by sanitising");
        assertEquals("say \"hi\".txt", seen.get(3).submitted());
        assertEquals("表紙.png", seen.get(4).filename(), "raw UTF-8 in the quoted name");
        assertEquals(SafeFilename.FALLBACK, seen.get(5).filename(), "an empty file input is still a file");
        assertEquals("application/octet-stream", seen.get(5).type(), "a file without a type");
    }

    @Test
    void aPartThatIsNotReadIsSkipped() throws IOException {
        MultipartReader reader = new MultipartReader(Trickle.of(TWO_PARTS, 4), B, FormConfig.defaults());
        FormPart title = reader.next();
        assertEquals('D', title.inputStream().read());
        FormPart cover = reader.next();
        assertEquals("cover", cover.name());
        assertEquals(-1, title.inputStream().read(), "an earlier part was skipped to its end");
        assertArrayEquals("\u0089PNG\r\n--Xy not a delimiter\r\n\r\n".getBytes(StandardCharsets.UTF_8), cover.inputStream().readAllBytes());
        assertNull(reader.next());
    }

    private static HttpException refused(String body, FormConfig config) {
        return assertThrows(HttpException.class, () -> parts(Trickle.of(body, 3), B, config));
    }

    @Test
    void malformedBodiesAre400NamingTheFault() {
        FormConfig d = FormConfig.defaults();
        assertEquals("Multipart body has no boundary delimiter", refused("just text", d).getMessage());
        assertEquals("Multipart body ends before its closing boundary",
                refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\ncut off", d).getMessage());
        assertEquals("Multipart body ends inside a part's headers",
                refused("--XyZ\r\nContent-Disposition: form-data; na", d).getMessage());
        assertEquals("Multipart boundary delimiter not followed by CRLF",
                refused("--XyZ\nContent-Disposition: form-data; name=a\n\nv\n--XyZ--", d).getMessage());
        assertEquals("Multipart part without a Content-Disposition",
                refused("--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--", d).getMessage());
        assertEquals("Multipart part's Content-Disposition has no name",
                refused("--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--", d).getMessage());
        assertEquals("Multipart part's Content-Disposition is not form-data: attachment",
                refused("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--XyZ--", d).getMessage());
        assertEquals("Malformed multipart part header: no colon",
                refused("--XyZ\r\nContent-Disposition form-data\r\n\r\nv\r\n--XyZ--", d).getMessage());
        assertTrue(refused("just text", d) instanceof BadRequestException);
    }

    private static String fields(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("--XyZ\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        return b.append("--XyZ--").toString();
    }

    @Test
    void limitsAre413NamingTheLimitAndThePart() throws IOException {
        FormConfig d = FormConfig.defaults();
        assertEquals(3, parts(Trickle.of(fields(3), 9), B, d.withMaxParts(3)).size());
        HttpException many = refused(fields(4), d.withMaxParts(3));
        assertTrue(many instanceof PayloadTooLargeException);
        assertEquals("Form has more than 3 parts", many.getMessage());

        String files = "--XyZ\r\nContent-Disposition: form-data; name=a; filename=1\r\n\r\nv\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=a; filename=2\r\n\r\nv\r\n--XyZ--";
        assertEquals("Form has more than 1 files", refused(files, d.withMaxFiles(1)).getMessage());

        String big = "--XyZ\r\nContent-Disposition: form-data; name=doc; filename=a.txt\r\n\r\n" + "x".repeat(101) + "\r\n--XyZ--";
        assertEquals(1, parts(Trickle.of(big, 7), B, d.withMaxFileSize(101)).size());
        assertEquals("File 'doc' larger than 100 bytes", refused(big, d.withMaxFileSize(100)).getMessage());

        String field = "--XyZ\r\nContent-Disposition: form-data; name=note\r\n\r\n" + "x".repeat(65) + "\r\n--XyZ--";
        assertEquals("Field 'note' longer than 64 bytes", refused(field, d.withMaxFieldSize(64)).getMessage());

        String header = "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: " + "p".repeat(100) + "\r\n\r\nv\r\n--XyZ--";
        assertEquals("Multipart part headers longer than 64 bytes", refused(header, d.withMaxPartHeaderSize(64)).getMessage());
        assertEquals(1, parts(Trickle.of(header, 5), B, d.withMaxPartHeaderSize(160)).size());
    }

    @Test
    void aFieldValueHonoursItsCharset() throws IOException {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n";
        byte[] bytes = (body + "caf\u00e9\r\n--XyZ--").getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader reader = new MultipartReader(new Trickle(bytes, 2), B, FormConfig.defaults());
        assertEquals("café", reader.next().value());
    }

    @Test
    void aFieldValueTakenFromTheBufferIsBoundedByTheFieldLimit() throws IOException {
        String field = "--XyZ\r\nContent-Disposition: form-data; name=note\r\n\r\n" + "x".repeat(65) + "\r\n--XyZ--";
        FormConfig d = FormConfig.defaults();
        assertEquals("x".repeat(65), new MultipartReader(Trickle.of(field, 100_000), B, d.withMaxFieldSize(65)).next().value());
        FormPart note = new MultipartReader(Trickle.of(field, 100_000), B, d.withMaxFieldSize(64)).next();
        assertEquals("Field 'note' longer than 64 bytes", assertThrows(PayloadTooLargeException.class, note::value).getMessage());
    }

    @Test
    void aFieldPartlyReadGivesTheRestAsItsValue() throws IOException {
        for (int step : new int[] {1, 100_000}) {
            MultipartReader reader = new MultipartReader(Trickle.of(TWO_PARTS, step), B, FormConfig.defaults());
            FormPart title = reader.next();
            assertEquals('D', title.inputStream().read());
            assertEquals("une", title.value());
            assertEquals("", title.value(), "nothing is left");
            assertEquals("cover", reader.next().name());
        }
    }

    @Test
    void aHeaderLineLongerThanTheFirstBufferIsRead() throws IOException {
        String pad = "p".repeat(6000);
        String body = "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: " + pad + "\r\n\r\nv\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=b; filename=b.bin\r\n\r\n" + pad + "\r\n--XyZ--";
        for (int step : new int[] {7, 100_000}) {
            assertEquals(List.of(new Seen("a", null, null, "text/plain", "v"), new Seen("b", "b.bin", "b.bin", "application/octet-stream", pad)),
                    parts(Trickle.of(body, step), B, FormConfig.defaults()));
        }
    }
}
