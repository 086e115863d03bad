package dev.aurora.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aurora.ServerConfig;
import dev.aurora.TargetCharacters;
import dev.aurora.internal.http.BodyFraming;
import dev.aurora.internal.http.HeadReader;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.http.RequestHead;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The request head parser ({@link HeadReader} with the request-line and header parsers behind it)
 * on arbitrary bytes, delivered in pieces of a fuzzed size. Every head either parses or is refused
 * with a {@link ProtocolException} carrying one of the statuses the parser documents; a head that
 * parses must hold up to RFC 9112 as checked here, independently of the parser's own tables.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RequestHeadFuzzTest {
    /** Small limits, so short inputs reach the 414 and 431 branches too. */
    private static final ServerConfig CONFIG = ServerConfig.defaults()
            .withMaxRequestLineLength(256)
            .withMaxHeaderSize(1024)
            .withMaxHeaderCount(16)
            .withMaxBodySize(1 << 20);
    private static final ServerConfig STRICT = CONFIG.withTargetCharacters(TargetCharacters.STRICT);
    private static final Set<Integer> REFUSALS = Set.of(400, 413, 414, 417, 431, 501, 505);
    /** What a head that parsed may still be refused with, once routed ({@link RequestHead#refusal()}). */
    private static final Set<Integer> ROUTED_REFUSALS = Set.of(400, 413, 417, 501);
    /** Pipelined heads read per input: enough to exercise buffer reuse between requests. */
    private static final int MAX_HEADS = 4;

    @FuzzTest
    void parseHead(FuzzedDataProvider data) throws IOException {
        int piece = data.consumeInt(1, 64);
        int initialCapacity = data.consumeInt(16, 512);
        ServerConfig config = data.consumeBoolean() ? STRICT : CONFIG;
        byte[] raw = data.consumeRemainingAsBytes();
        InputBuffer in = Wire.buffer(raw, piece, initialCapacity, config);
        RequestHead head = new RequestHead(config.maxHeaderCount());
        HeadReader reader = new HeadReader(config);
        long consumed = 0;
        for (int n = 0; n < MAX_HEADS; n++) {
            boolean read;
            try {
                read = reader.read(in, head, Wire.farDeadline());
            } catch (ProtocolException e) {
                assertTrue(REFUSALS.contains(e.status()), () -> "undocumented status " + e.status() + ": " + e.getMessage());
                return;
            }
            if (!read) {
                return;
            }
            consumed += head.headLength();
            assertTrue(consumed <= raw.length, "more head bytes than were sent");
            checkSyntax(in, head, config);
            if (head.refusal() != null) {
                // Answered after routing, then the connection closes: no further head is read.
                assertTrue(ROUTED_REFUSALS.contains(head.refusal().status()), () -> "routed refusal "
                        + head.refusal().status() + ": " + head.refusal().getMessage());
                assertFalse(head.keepAlive(), "a refused request must close its connection");
                return;
            }
            checkServable(in, head);
            // A body belongs to the chunked target; the next head would start inside it.
            if (head.bodyFraming() != BodyFraming.NONE) {
                return;
            }
        }
    }

    /** What every head that parsed must hold, also one refused after routing. */
    private static void checkSyntax(InputBuffer in, RequestHead head, ServerConfig config) {
        byte[] b = in.array();
        int base = in.base();
        int length = head.headLength();
        assertTrue(length >= 4 && endsWithEmptyLine(b, base, length), "head does not end in CRLF CRLF");
        for (int i = base; i < base + length; i++) {
            if (b[i] == '\n') {
                assertEquals('\r', b[i - 1], "bare LF accepted at " + (i - base));
            }
        }

        String method = head.method();
        assertTrue(method != null && !method.isEmpty() && method.chars().allMatch(Wire::tchar), "method " + method);
        assertTrue(head.minorVersion() == 0 || head.minorVersion() == 1, "minor version");

        int targetStart = base + head.targetStart();
        assertTrue(head.targetLength() > 0, "empty target");
        boolean strict = config.targetCharacters() == TargetCharacters.STRICT;
        for (int i = targetStart; i < targetStart + head.targetLength(); i++) {
            int c = b[i] & 0xFF;
            // Never a control, space or '#'; strict: visible ASCII only, and none of what RFC 3986 excludes.
            assertTrue(c > 0x20 && c != 0x7F && c != '#', "target byte " + c);
            assertTrue(!strict || c < 0x7F && "\"<>[\\]^`{|}".indexOf(c) < 0, "strict target byte " + c);
        }
        if (head.asteriskForm()) {
            assertEquals("OPTIONS", method);
            assertEquals("*", Wire.latin1(b, targetStart, head.targetLength()));
        } else if (head.pathLength() > 0) {
            assertEquals('/', b[base + head.pathStart()], "path must start with '/'");
        } else {
            // Only an absolute-form target ("http://host") may leave the path empty.
            assertTrue(b[targetStart] != '/', "empty path in origin-form");
        }
        if (head.queryStart() >= 0) {
            assertEquals('?', b[base + head.queryStart() - 1]);
        }
        for (int i = 0; i < head.headerCount(); i++) {
            int nameStart = base + head.nameStart(i);
            assertTrue(head.nameLength(i) > 0, "empty field name");
            for (int k = nameStart; k < nameStart + head.nameLength(i); k++) {
                assertTrue(Wire.tchar(b[k] & 0xFF), "field name byte " + (b[k] & 0xFF));
            }
            int valueStart = base + head.valueStart(i);
            int valueLength = head.valueLength(i);
            for (int k = valueStart; k < valueStart + valueLength; k++) {
                assertTrue(Wire.fieldValueOctet(b[k]), "field value byte " + (b[k] & 0xFF));
            }
            if (valueLength > 0) {
                assertTrue(b[valueStart] != ' ' && b[valueStart] != '\t'
                        && b[valueStart + valueLength - 1] != ' ' && b[valueStart + valueLength - 1] != '\t',
                        "field value not trimmed");
            }
        }
    }

    /** What a head handed to a handler must hold: one Host in HTTP/1.1, one framing, within the limit. */
    private static void checkServable(InputBuffer in, RequestHead head) {
        byte[] b = in.array();
        int base = in.base();

        int hosts = 0;
        int transferEncodings = 0;
        int contentLengths = 0;
        long declared = -1;
        for (int i = 0; i < head.headerCount(); i++) {
            int nameStart = base + head.nameStart(i);
            int valueStart = base + head.valueStart(i);
            int valueLength = head.valueLength(i);
            String name = Wire.latin1(b, nameStart, head.nameLength(i)).toLowerCase(Locale.ROOT);
            String value = Wire.latin1(b, valueStart, valueLength);
            switch (name) {
                case "host" -> hosts++;
                case "transfer-encoding" -> transferEncodings++;
                case "content-length" -> {
                    contentLengths++;
                    for (String element : value.split(",", -1)) {
                        String digits = element.strip();
                        assertTrue(!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)
                                && digits.length() <= 18, "Content-Length accepted: " + value);
                        long v = Long.parseLong(digits);
                        assertTrue(declared < 0 || declared == v, "conflicting Content-Length accepted");
                        declared = v;
                    }
                }
                default -> {
                }
            }
        }
        if (head.minorVersion() == 1) {
            assertEquals(1, hosts, "HTTP/1.1 needs exactly one Host");
        } else {
            assertTrue(hosts <= 1, "several Host fields");
        }

        // Exactly one framing decision, and never one that honours both TE and CL.
        BodyFraming framing = head.bodyFraming();
        if (transferEncodings > 0) {
            assertEquals(0, contentLengths, "Transfer-Encoding and Content-Length both accepted");
            assertEquals(1, head.minorVersion(), "Transfer-Encoding accepted in HTTP/1.0");
            assertEquals(BodyFraming.CHUNKED, framing);
        } else if (declared > 0) {
            assertEquals(BodyFraming.LENGTH, framing);
            assertEquals(declared, head.contentLength());
            assertTrue(declared <= CONFIG.maxBodySize(), "Content-Length over the limit accepted");
        } else {
            assertEquals(BodyFraming.NONE, framing);
        }
    }

    private static boolean endsWithEmptyLine(byte[] b, int base, int length) {
        int e = base + length;
        return b[e - 4] == '\r' && b[e - 3] == '\n' && b[e - 2] == '\r' && b[e - 1] == '\n';
    }
}
