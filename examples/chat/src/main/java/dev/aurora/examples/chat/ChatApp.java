package dev.aurora.examples.chat;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.websocket.Message;
import dev.aurora.websocket.WebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A broadcast chat: every text a client sends over the WebSocket at {@code /chat} goes to every
 * connected client, as {@code name: text}. {@code GET /} serves a page that talks to it with the
 * browser's WebSocket API.
 *
 * <p>Each connection's handler runs on its own virtual thread and simply blocks in
 * {@code receive()}; a broadcast calls {@code send} on the other connections from the sender's
 * thread, which is safe because sends are locked per connection. A client that stops reading fails
 * its send at the server's write timeout and is dropped, so it cannot hold up the room for longer.
 *
 * <p>Run: {@code ./mvnw -q -pl examples/chat -am -DskipTests package exec:exec}, then open
 * http://127.0.0.1:8080/ in two browser windows. Stops gracefully on Ctrl-C (clients get
 * {@code 1001 Going Away}).
 */
public final class ChatApp {
    /** Loopback only, port 8080. */
    public static final ServerConfig DEFAULTS = ServerConfig.defaults().withHost("127.0.0.1").withPort(8080);
    /** Small messages, a ping every 20 s so idle browsers behind proxies stay connected. */
    static final WebSocketOptions CHAT = WebSocketOptions.defaults()
            .withMaxFrameSize(4096).withMaxMessageSize(4096).withPingInterval(Duration.ofSeconds(20));

    private final Set<WebSocket> members = ConcurrentHashMap.newKeySet();

    private ChatApp() {
    }

    /**
     * Builds the application without starting it (tests start it on port 0).
     *
     * @param config the server configuration
     * @return the application
     */
    public static Aurora create(ServerConfig config) {
        ChatApp chat = new ChatApp();
        return Aurora.create(config)
                .get("/", ctx -> ctx.contentType("text/html; charset=utf-8").send(ChatPage.HTML))
                .ws("/chat", CHAT, chat::member);
    }

    /** One member's connection, for as long as it is open. */
    private void member(WebSocket ws) throws IOException {
        String name = displayName(ws.query("name"));
        members.add(ws);
        try {
            // Sent once this member is in the room: from now on it sees every broadcast.
            ws.send("* welcome, " + name);
            broadcast("* " + name + " joined");
            for (Message m; (m = ws.receive()) instanceof Message.Data; ) {
                if (m instanceof Message.Text text) {
                    broadcast(name + ": " + text.text());
                }
            }
        } finally {
            members.remove(ws);
        }
        broadcast("* " + name + " left");
    }

    private void broadcast(String line) {
        for (WebSocket member : members) {
            try {
                member.send(line);
            } catch (IOException gone) {
                members.remove(member);
            }
        }
    }

    private static String displayName(String requested) {
        if (requested == null || requested.isBlank()) {
            return "anonymous";
        }
        String name = requested.strip();
        return name.length() > 20 ? name.substring(0, 20) : name;
    }

    /**
     * @param args optional port
     */
    public static void main(String[] args) {
        ServerConfig config = args.length > 0 ? DEFAULTS.withPort(Integer.parseInt(args[0])) : DEFAULTS;
        Aurora app = create(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start();
    }
}
