package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.internal.http.ResponseHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 6266 values with an ASCII fallback and, when the fallback is not exact, RFC 8187 {@code filename*}. */
class ContentDispositionTest {

    @Test
    void anAsciiNameIsOneQuotedFilename() {
        assertEquals("attachment; filename=\"report 2024.pdf\"", ContentDisposition.attachment("report 2024.pdf"));
        assertEquals("inline; filename=\"report.pdf\"", ContentDisposition.inline("report.pdf"));
    }

    @Test
    void quotesAndBackslashesAreEscapedAndNeedNoExtendedName() {
        assertEquals("attachment; filename=\"say \\\"hi\\\" \\\\ bye.txt\"",
                ContentDisposition.attachment("say \"hi\" \\ bye.txt"));
    }

    @Test
    void aJapaneseNameGetsAFallbackAndTheUtf8Name() {
        assertEquals("attachment; filename=\"_.png\"; filename*=UTF-8''%E8%A1%A8%E7%B4%99.png",
                ContentDisposition.attachment("表紙.png"));
    }

    @Test
    void accentsAreDroppedInTheFallback() {
        assertEquals("attachment; filename=\"cafe creme.txt\"; filename*=UTF-8''caf%C3%A9%20cre%CC%80me.txt",
                ContentDisposition.attachment("café cre\u0300me.txt"));
    }

    @Test
    void aPercentSignIsNotLeftInTheFallback() {
        assertEquals("attachment; filename=\"100_ sure.txt\"; filename*=UTF-8''100%25%20sure.txt",
                ContentDisposition.attachment("100% sure.txt"));
    }

    @Test
    void controlCharactersCannotSplitTheHeader() {
        String value = ContentDisposition.attachment("a\r\nSet-Cookie: x=1\u0000.txt");
        assertEquals("attachment; filename=\"a__Set-Cookie: x=1_.txt\"", value);
        ResponseHeaders.checkField("Content-Disposition", value);
    }

    @Test
    void anEmojiIsEncodedWholeAndALoneSurrogateIsReplaced() {
        assertEquals("attachment; filename=\"_.txt\"; filename*=UTF-8''%F0%9F%98%80.txt",
                ContentDisposition.attachment("\ud83d\ude00.txt"));
        assertEquals("attachment; filename=\"a_b\"", ContentDisposition.attachment("a\ud83db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"表紙.png", "Ünïcödé ñame.pdf", "файл отчёт.xlsx", "ملف.txt", "a+b=c&d#e.zip",
            "tab\tname.txt", "\ud83d\udcc4 doc.md", "plain.txt", "we'ird (1).tar.gz"})
    void everyValueIsAValidHeaderAndTheExtendedNameDecodesBack(String name) {
        String value = ContentDisposition.attachment(name);
        ResponseHeaders.checkField("Content-Disposition", value);
        assertTrue(value.chars().allMatch(c -> c >= 0x20 && c < 0x7F), value);
        String expected = name.replace('\t', '_');
        int star = value.indexOf("filename*=UTF-8''");
        String decoded = star < 0 ? fallbackOf(value)
                : URLDecoder.decode(value.substring(star + 17).replace("+", "%2B"), StandardCharsets.UTF_8);
        assertEquals(expected, decoded);
    }

    private static String fallbackOf(String value) {
        int start = value.indexOf("filename=\"") + 10;
        return value.substring(start, value.lastIndexOf('"')).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @Test
    void anAsciiNameNeedsNoExtendedName() {
        assertFalse(ContentDisposition.attachment("we'ird (1).tar.gz").contains("filename*"));
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ContentDisposition.attachment(""));
        assertThrows(NullPointerException.class, () -> ContentDisposition.inline(null));
    }
}
