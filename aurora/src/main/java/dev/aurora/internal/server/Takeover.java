package dev.aurora.internal.server;

import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.websocket.WebSocketSessions;

/**
 * What an {@link Upgrade} gets when the connection switches protocols: the transport (read it
 * through {@link Transport#input()}), the bytes the HTTP buffer held past the upgrade request, an
 * output with no buffer of its own (bind one leased from {@code buffers} for each write and let
 * go of it after the flush; writes through it stay under the write timeout), the request it was
 * upgraded from, the server's buffer pool and its open WebSockets. Used on the connection's thread.
 *
 * @param transport the connection's transport
 * @param buffered bytes received past the upgrade request (often none)
 * @param output the connection's output from now on, bound to no array
 * @param request what the upgrade may read of the request
 * @param buffers the server's buffer pool
 * @param websockets the server's open WebSockets
 */
public record Takeover(Transport transport, byte[] buffered, OutputBuffer output, UpgradeRequest request,
        BufferPool buffers, WebSocketSessions websockets) {
}
