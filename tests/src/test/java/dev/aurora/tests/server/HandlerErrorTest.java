package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.error.HttpException;
import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
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
        RawConnection client = client();
        client.send(RawConnection.get("/boom") + RawConnection.get("/checked") + RawConnection.get("/ok"));
        for (int i = 0; i < 2; i++) {
            TestResponse r = client.readResponse();
            assertEquals(500, r.status(), r::toString);
            String body = r.bodyString();
            assertTrue(body.length() < 200, body);
            assertFalse(body.contains("Exception"), body);
            assertFalse(body.contains("at dev."), body);
            assertFalse(body.contains("secret") || body.contains("password"), body);
            assertFalse(r.closesConnection(), r::toString);
        }
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void ioExceptionFromTheHandlersOwnWorkIs500() {
        RawConnection client = client();
        client.send(RawConnection.get("/io-failure") + RawConnection.get("/unchecked-io-failure") + RawConnection.get("/ok"));
        for (String path : new String[] {"/io-failure", "/unchecked-io-failure"}) {
            TestResponse r = client.readResponse();
            assertEquals(500, r.status(), () -> path + " was answered with\n" + r);
            assertFalse(r.bodyString().contains("missing.json") || r.bodyString().contains("unreachable"), r::toString);
        }
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void handlersOwnSocketTimeoutIsAServerErrorNot408() {
        RawConnection client = client();
        client.send(RawConnection.get("/upstream-timeout"));
        TestResponse r = client.readResponse();
        // 408 means the server timed out waiting for the client's request (RFC 9110 section 15.5.9);
        // here the request was complete and the handler's own work failed.
        assertEquals(500, r.status(), r::toString);
    }

    @Test
    void httpExceptionGivesItsStatusAndMessage() {
        RawConnection client = client();
        client.send(RawConnection.get("/422") + "POST /409 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                + RawConnection.get("/ok"));
        TestResponse unprocessable = client.readResponse();
        assertEquals(422, unprocessable.status(), unprocessable::toString);
        assertTrue(unprocessable.bodyString().contains("\"detail\":\"name is required\""), unprocessable::toString);
        assertEquals("application/problem+json", unprocessable.header("Content-Type"));
        assertFalse(unprocessable.closesConnection());
        TestResponse conflict = client.readResponse();
        assertEquals(409, conflict.status(), conflict::toString);
        assertTrue(conflict.bodyString().contains("\"detail\":\"version conflict\""), conflict::toString);
        assertNull(conflict.header("X-Before"), "headers of the failed response are dropped");
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void failureAfterAFlushTruncatesTheChunkedStreamAndCloses() {
        RawConnection client = client();
        client.send(RawConnection.get("/flushed-then-boom") + RawConnection.get("/ok"));
        RawConnection.Partial partial = client.readPartialResponse();
        TestResponse r = partial.response();
        assertEquals(200, r.status(), r::toString);
        assertEquals("chunked", r.header("Transfer-Encoding"), r::toString);
        assertTrue(r.bodyString().startsWith("partial-"), r::toString);
        // The client must be able to tell the body is incomplete: no last chunk may be sent.
        assertFalse(partial.complete(), () -> "a failed stream was terminated as if complete:\n" + r);
        // never a second status line, and the pipelined request is not answered
        client.assertClosedByServer();
    }

    @Test
    void ioFailureAfterAFlushAlsoTruncatesTheChunkedStream() {
        RawConnection client = client();
        client.send(RawConnection.get("/flushed-then-io-failure") + RawConnection.get("/ok"));
        RawConnection.Partial partial = client.readPartialResponse();
        TestResponse r = partial.response();
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.bodyString().startsWith("partial-"), r::toString);
        assertFalse(partial.complete(), () -> "a failed stream was terminated as if complete:\n" + r);
        client.assertClosedByServer();
    }

    @Test
    void failureAfterSendBeforeAnyFlushIsReplacedBy500() {
        RawConnection client = client();
        client.send(RawConnection.get("/sent-then-boom") + RawConnection.get("/ok"));
        TestResponse r = client.readResponse();
        assertEquals(500, r.status(), r::toString);
        assertNull(r.header("X-Partial"), r::toString);
        assertFalse(r.bodyString().contains("replaced"), r::toString);
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        TestResponse next = client.readResponse();
        assertEquals("ok", next.bodyString(), next::toString);
    }

    @Test
    void failureInAnUnflushedStreamIsReplacedBy500() {
        RawConnection client = client();
        client.send(RawConnection.get("/streamed-unflushed-then-boom") + RawConnection.get("/ok"));
        TestResponse r = client.readResponse();
        assertEquals(500, r.status(), r::toString);
        assertNull(r.header("Transfer-Encoding"), r::toString);
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
