package dev.aurora.internal.websocket;

/** Frame opcodes (RFC 6455 5.2); control frames have the high bit of the nibble set. */
final class Opcodes {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    /** Largest payload of a control frame. */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private Opcodes() {
    }

    static boolean control(int opcode) {
        return (opcode & 0x8) != 0;
    }

    static boolean known(int opcode) {
        return opcode <= BINARY || opcode >= CLOSE && opcode <= PONG;
    }
}
