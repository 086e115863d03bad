package dev.aurora.startup.minimal;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.startup.FirstRequest;

/** Aurora as a command-line tool would embed it: one text route, no JSON, no logging backend. */
public final class AuroraMinimalLauncher {
    private AuroraMinimalLauncher() {
    }

    /**
     * @param args unused
     * @throws Exception if the server cannot start or the request fails
     */
    public static void main(String[] args) throws Exception {
        FirstRequest.mark("main");
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"))
                .get("/hello", ctx -> ctx.send("Hello"));
        FirstRequest.mark("created");
        app.start(0);
        FirstRequest.mark("started");
        FirstRequest.get(app.port(), "/hello");
        app.stop();
        FirstRequest.mainReturns();
    }
}
