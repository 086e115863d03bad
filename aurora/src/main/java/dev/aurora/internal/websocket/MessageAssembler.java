package dev.aurora.internal.websocket;

import dev.aurora.websocket.CloseCodes;
import dev.aurora.websocket.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a session's data frames into messages: a message that comes in one frame is read straight
 * into its own array; fragments are joined in a buffer that is dropped after a large message, so an
 * idle session stays small. Checks the message size limit and UTF-8 of text (1009, 1007). Only the
 * thread that receives uses it.
 */
final class MessageAssembler {
    /** A fragment buffer larger than this is dropped after its message. */
    private static final int KEEP_BUFFER = 4 << 10;
    private static final byte[] EMPTY = {};

    private final FrameReader reader;
    /** Null unless permessage-deflate was agreed. */
    private final PerMessageDeflate deflate;
    private final long maxMessageSize;
    private final int readTimeoutMillis;
    private final Utf8Validator utf8 = new Utf8Validator();

    private byte[] buffer = EMPTY;
    private int size;
    private int opcode;
    private boolean compressed;

    MessageAssembler(FrameReader reader, PerMessageDeflate deflate, long maxMessageSize, int readTimeoutMillis) {
        this.reader = reader;
        this.deflate = deflate;
        this.maxMessageSize = maxMessageSize;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /**
     * Reads the payload of the data frame the reader is at.
     *
     * @param frameOpcode the frame's opcode: text, binary or continuation
     * @param discard true once this side has sent its close: the message is read and dropped, unchecked
     *     (RFC 6455 1.4)
     * @return the message this frame completes, or null (more fragments to come, or discarded)
     */
    Message next(int frameOpcode, boolean discard) throws IOException {
        int len = reader.remaining();
        boolean first = frameOpcode != Opcodes.CONTINUATION;
        if (first) {
            opcode = frameOpcode;
            compressed = reader.compressed();
            size = 0;
            utf8.reset();
        }
        if ((long) size + len > maxMessageSize) {
            throw new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG_1009, "Message exceeds maxMessageSize " + maxMessageSize);
        }
        if (first && reader.fin()) {
            // A whole message in one frame, the usual case: straight into an array of its own.
            byte[] payload = new byte[len];
            reader.readPayload(payload, 0, len, readTimeoutMillis);
            return discard ? null : completed(compressed ? deflate.decompress(payload, len) : payload, true);
        }
        if (size + len > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxMessageSize,
                    Math.max(size + len, Math.max(256, 2L * buffer.length))));
        }
        reader.readPayload(buffer, size, len, readTimeoutMillis);
        if (opcode == Opcodes.TEXT && !compressed && !utf8.feed(buffer, size, len)) {
            throw new ProtocolViolation(CloseCodes.INVALID_PAYLOAD_1007, "Text is not valid UTF-8");
        }
        size += len;
        if (!reader.fin()) {
            return null;
        }
        byte[] payload = compressed ? deflate.decompress(buffer, size) : Arrays.copyOf(buffer, size);
        if (buffer.length > KEEP_BUFFER) {
            buffer = EMPTY;
        }
        return discard ? null : completed(payload, compressed);
    }

    /** {@code unchecked} when the text was not checked as UTF-8 on the way (one frame, or compressed). */
    private Message completed(byte[] payload, boolean unchecked) throws ProtocolViolation {
        if (opcode != Opcodes.TEXT) {
            return new Message.Binary(payload);
        }
        if (unchecked ? !Utf8Validator.valid(payload, 0, payload.length) : !utf8.complete()) {
            throw new ProtocolViolation(CloseCodes.INVALID_PAYLOAD_1007, "Text is not valid UTF-8");
        }
        return new Message.Text(new String(payload, StandardCharsets.UTF_8));
    }
}
