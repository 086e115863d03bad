package dev.aurora.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.error.HttpException;
import dev.aurora.server.RawClient.Response;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandlerErrorTest extends ServerTestSupport {

    @BeforeEach
    void startServer() {
        start(app -> {
            app.get("/ok", ctx -> ctx.send("ok"));
            app.get("/boom", ctx -> {
                throw new IllegalStateException("secret internal detail");
            });
            app.get("/checked", ctx -> {
                throw new BackendException("db password wrong");
            });
            app.get("/io-failure", ctx -> {
                // An I/O failure of the handler's own work (file, database, outbound call), not of
                // the client connection: it must be answered like any other failure.
                throw new java.io.FileNotFoundException("/srv/data/missing.json");
            });
            app.get("/upstream-timeout", ctx -> {
                // e.g. an outbound HTTP or JDBC call of the handler timing out
                throw new java.net.SocketTimeoutException("Read timed out");
            });
            app.get("/unchecked-io-failure", ctx -> {
                throw new java.io.UncheckedIOException(new java.io.IOException("backend unreachable"));
            });
            app.get("/422", ctx -> {
                throw new HttpException(422, "name is required");
            });
            app.post("/409", ctx -> {
                ctx.header("X-Before", "set");
                throw new HttpException(409, "version conflict");
            });
            app.get("/flushed-then-boom", ctx -> {
                OutputStream out = ctx.outputStream();
                out.write("partial-".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.write("more".getBytes(StandardCharsets.US_ASCII));
                throw new IllegalStateException("failed mid-stream");
            });
            app.get("/flushed-then-io-failure", ctx -> {
                OutputStream out = ctx.outputStream();
                out.write("partial-".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                throw new java.io.IOException("backend stream broke");
            });
            app.get("/sent-then-boom", ctx -> {
                ctx.status(201).header("X-Partial", "yes").send("this response must be replaced");
                throw new IllegalStateException("failed after send");
            });
            app.get("/streamed-unflushed-then-boom", ctx -> {
                ctx.outputStream().write("buffered only".getBytes(StandardCharsets.US_ASCII));
                throw new IllegalStateException("failed before flush");
            });
        });
    }

    @Test
    void runtimeExceptionIs500WithoutDetailsAndKeepsTheConnection() {
        RawClient client = client();
        client.send(RawClient.get("/boom") + RawClient.get("/checked") + RawClient.get("/ok"));
        for (int i = 0; i < 2; i++) {
            Response r = client.readResponse();
            assertEquals(500, r.status(), r::toString);
            String body = r.bodyString();
            assertTrue(body.length() < 200, body);
            assertFalse(body.contains("Exception"), body);
            assertFalse(body.contains("at dev."), body);
            assertFalse(body.contains("secret") || body.contains("password"), body);
            assertFalse(r.connectionClose(), r::toString);
        }
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void ioExceptionFromTheHandlersOwnWorkIs500() {
        RawClient client = client();
        client.send(RawClient.get("/io-failure") + RawClient.get("/unchecked-io-failure") + RawClient.get("/ok"));
        for (String path : new String[] {"/io-failure", "/unchecked-io-failure"}) {
            Response r = client.readResponse();
            assertEquals(500, r.status(), () -> path + " was answered with\n" + r);
            assertFalse(r.bodyString().contains("missing.json") || r.bodyString().contains("unreachable"), r::toString);
        }
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void handlersOwnSocketTimeoutIsAServerErrorNot408() {
        RawClient client = client();
        client.send(RawClient.get("/upstream-timeout"));
        Response r = client.readResponse();
        // 408 means the server timed out waiting for the client's request (RFC 9110 section 15.5.9);
        // here the request was complete and the handler's own work failed.
        assertEquals(500, r.status(), r::toString);
    }

    @Test
    void httpExceptionGivesItsStatusAndMessage() {
        RawClient client = client();
        client.send(RawClient.get("/422") + "POST /409 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                + RawClient.get("/ok"));
        Response unprocessable = client.readResponse();
        assertEquals(422, unprocessable.status(), unprocessable::toString);
        assertTrue(unprocessable.bodyString().contains("\"detail\":\"name is required\""), unprocessable::toString);
        assertEquals("application/problem+json", unprocessable.header("Content-Type"));
        assertFalse(unprocessable.connectionClose());
        Response conflict = client.readResponse();
        assertEquals(409, conflict.status(), conflict::toString);
        assertTrue(conflict.bodyString().contains("\"detail\":\"version conflict\""), conflict::toString);
        assertNull(conflict.header("X-Before"), "headers of the failed response are dropped");
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void failureAfterAFlushTruncatesTheChunkedStreamAndCloses() {
        RawClient client = client();
        client.send(RawClient.get("/flushed-then-boom") + RawClient.get("/ok"));
        Response r = client.readPartialResponse();
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.chunked(), r::toString);
        assertTrue(r.bodyString().startsWith("partial-"), r::toString);
        // The client must be able to tell the body is incomplete: no last chunk may be sent.
        assertFalse(r.complete(), () -> "a failed stream was terminated as if complete:\n" + r);
        // never a second status line, and the pipelined request is not answered
        client.assertClosedByServer();
    }

    @Test
    void ioFailureAfterAFlushAlsoTruncatesTheChunkedStream() {
        RawClient client = client();
        client.send(RawClient.get("/flushed-then-io-failure") + RawClient.get("/ok"));
        Response r = client.readPartialResponse();
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.bodyString().startsWith("partial-"), r::toString);
        assertFalse(r.complete(), () -> "a failed stream was terminated as if complete:\n" + r);
        client.assertClosedByServer();
    }

    @Test
    void failureAfterSendBeforeAnyFlushIsReplacedBy500() {
        RawClient client = client();
        client.send(RawClient.get("/sent-then-boom") + RawClient.get("/ok"));
        Response r = client.readResponse();
        assertEquals(500, r.status(), r::toString);
        assertNull(r.header("X-Partial"), r::toString);
        assertFalse(r.bodyString().contains("replaced"), r::toString);
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        Response next = client.readResponse();
        assertEquals("ok", next.bodyString(), next::toString);
    }

    @Test
    void failureInAnUnflushedStreamIsReplacedBy500() {
        RawClient client = client();
        client.send(RawClient.get("/streamed-unflushed-then-boom") + RawClient.get("/ok"));
        Response r = client.readResponse();
        assertEquals(500, r.status(), r::toString);
        assertFalse(r.chunked(), r::toString);
        assertEquals("ok", client.readResponse().bodyString());
    }

    /** A checked exception of the application's own. */
    static final class BackendException extends Exception {
        private static final long serialVersionUID = 1L;

        BackendException(String message) {
            super(message);
        }
    }
}
