package dev.aurora.internal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.FormConfig;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.form.FormPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlEncodedReaderTest {

    private static List<String> pairs(String body, FormConfig config) throws IOException {
        UrlEncodedReader reader = new UrlEncodedReader(Trickle.of(body, 3), config);
        List<String> out = new ArrayList<>();
        for (FormPart p = reader.next(); p != null; p = reader.next()) {
            out.add(p.name() + "=" + p.value());
        }
        return out;
    }

    @Test
    void pairsAreDecodedInOrder() throws IOException {
        assertEquals(List.of("title=Dune Messiah", "tag=sci-fi", "tag=a&b", "q=caf\u00e9", "empty=", "flag=", "100%=x%zz"),
                pairs("title=Dune+Messiah&tag=sci-fi&tag=a%26b&&q=caf%C3%A9&empty=&flag&100%25=x%zz&", FormConfig.defaults()));
        assertEquals(List.of(), pairs("", FormConfig.defaults()));
    }

    @Test
    void limitsAre413() {
        FormConfig d = FormConfig.defaults();
        assertEquals("Form has more than 2 fields",
                assertThrows(PayloadTooLargeException.class, () -> pairs("a=1&b=2&c=3", d.withMaxParts(2))).getMessage());
        assertEquals("Field 'a' longer than 4 bytes",
                assertThrows(PayloadTooLargeException.class, () -> pairs("a=12345", d.withMaxFieldSize(4))).getMessage());
        // Encoded bytes are bounded before decoding, so a huge value is refused without being held.
        assertEquals("Field 'a' longer than 4 bytes",
                assertThrows(PayloadTooLargeException.class, () -> pairs("a=" + "x".repeat(10_000), d.withMaxFieldSize(4))).getMessage());
        assertEquals("Form field name longer than 1024 characters",
                assertThrows(PayloadTooLargeException.class, () -> pairs("n".repeat(5000), d.withMaxFieldSize(4))).getMessage());
    }

    @Test
    void aValueAtTheLimitIsRead() throws IOException {
        assertEquals(List.of("a=%%%%"), pairs("a=%25%25%25%25", FormConfig.defaults().withMaxFieldSize(4)));
    }

    @Test
    void aBodyLongerThanTheFirstReadBufferIsRead() throws IOException {
        String v = "v".repeat(20_000);
        assertEquals(List.of("a=" + v, "b=1"), pairs("a=" + v + "&b=1", FormConfig.defaults()));
        // Whole reads fill the first buffer, so the reader moves to its larger one.
        UrlEncodedReader reader = new UrlEncodedReader(new ByteArrayInputStream(("a=" + v + "&b=1").getBytes(StandardCharsets.US_ASCII)),
                FormConfig.defaults());
        assertEquals(v, reader.next().value());
        assertEquals("1", reader.next().value());
    }
}
