package dev.aurora.startup.jex;

import dev.aurora.startup.FirstRequest;
import io.avaje.jex.Jex;

/** avaje-jex (a routing layer over the JDK's HTTP server; virtual threads by default), one route. */
public final class JexLauncher {
    private JexLauncher() {
    }

    /**
     * @param args unused
     * @throws Exception if the server cannot start or the request fails
     */
    public static void main(String[] args) throws Exception {
        FirstRequest.mark("main");
        Jex jex = Jex.create()
                .config(config -> config.host("127.0.0.1"))
                .get("/hello", ctx -> ctx.text("Hello"))
                .port(0);
        FirstRequest.mark("created");
        Jex.Server server = jex.start();
        FirstRequest.mark("started");
        FirstRequest.get(server.port(), "/hello");
        server.shutdown();
        FirstRequest.mainReturns();
    }
}
