package dev.aurora.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@link WebSocket#receive()} returns: a whole data message (fragments already joined,
 * compressed ones inflated, text checked to be UTF-8), or the end of the connection.
 */
public sealed interface Message {
    /** A data message, text or binary. */
    sealed interface Data extends Message {
        /** {@return the payload as bytes (text as UTF-8)} */
        byte[] bytes();
    }

    /**
     * A text message.
     *
     * @param text the text
     */
    record Text(String text) implements Data {
        /**
         * Rejects a null text.
         *
         * @param text the text, not null
         */
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A binary message. The array is the connection's copy, handed over: not shared with the server.
     *
     * @param data the payload
     */
    record Binary(byte[] data) implements Data {
        /**
         * Rejects a null payload.
         *
         * @param data the payload, not null
         */
        public Binary {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public byte[] bytes() {
            return data;
        }
    }

    /**
     * The connection closed: every {@code receive()} after this returns the same value.
     *
     * @param code the close code the peer sent; {@link CloseCodes#NO_STATUS_RECEIVED} when its
     *     close frame had none, {@link CloseCodes#ABNORMAL_CLOSURE} when the connection ended
     *     without a close frame, or the code the server closed with after a protocol error
     * @param reason the peer's reason (or the server's, after an error); empty when none
     * @param byPeer whether the peer started the close
     */
    record Close(int code, String reason, boolean byPeer) implements Message {
        /**
         * Rejects a null reason.
         *
         * @param code the close code
         * @param reason the reason, not null
         * @param byPeer whether the peer started the close
         */
        public Close {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
