package dev.aurora.internal.server;

import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.websocket.WebSocketSessions;

/**
 * What a protocol upgrade takes over from an exchange: the connection's transport (read it
 * through {@link Transport#input()}, past the HTTP buffer, whose pre-read hook flushes output
 * that other threads may now be writing), the bytes the HTTP buffer already holds, the output
 * buffer (writes through it stay under the write timeout), the server's buffer pool and its
 * open WebSockets. Used on the connection's thread.
 *
 * @param transport the connection's transport
 * @param input the HTTP read buffer, possibly holding bytes past the upgrade request
 * @param output the connection's output buffer
 * @param buffers the server's buffer pool
 * @param websockets the server's open WebSockets
 */
public record Takeover(Transport transport, InputBuffer input, OutputBuffer output, BufferPool buffers,
        WebSocketSessions websockets) {
}
