package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.annotation.Get;
import dev.aurora.annotation.Param;
import dev.aurora.error.NotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown by a controller method reaches the framework as itself, never wrapped in
 * {@code InvocationTargetException} or similar, so error handlers can match on its type.
 */
class ControllerExceptionTest {

    static final class OrderRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OrderRejectedException(String message) {
            super(message);
        }
    }

    static final class QuotaError extends Error {
        private static final long serialVersionUID = 1L;
    }

    static class Throwing {
        static final IOException CHECKED = new IOException("disk gone");
        static final OrderRejectedException UNCHECKED = new OrderRejectedException("rejected");
        static final QuotaError ERROR = new QuotaError();

        @Get("/unchecked")
        String unchecked() {
            throw UNCHECKED;
        }

        @Get("/checked")
        String checked() throws IOException {
            throw CHECKED;
        }

        @Get("/http/:id")
        String notFound(@Param("id") long id) {
            throw new NotFoundException("No order " + id);
        }

        @Get("/error")
        void error() {
            throw ERROR;
        }
    }

    private static Exception thrownBy(String path) {
        FakeContext ctx = new FakeContext();
        Exception e = assertThrows(Exception.class, () -> Controllers.call(new Throwing(), "GET", path, ctx));
        assertFalse(ctx.sent());
        return e;
    }

    @Test
    void runtimeExceptionArrivesAsItself() {
        assertSame(Throwing.UNCHECKED, thrownBy("/unchecked"));
    }

    @Test
    void checkedExceptionArrivesAsItself() {
        assertSame(Throwing.CHECKED, thrownBy("/checked"));
    }

    @Test
    void httpExceptionKeepsItsStatus() {
        FakeContext ctx = new FakeContext().withParam("id", "9");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> Controllers.call(new Throwing(), "GET", "/http/:id", ctx));
        assertEquals(404, e.status());
        assertEquals("No order 9", e.getMessage());
    }

    @Test
    void errorArrivesAsItself() {
        QuotaError e = assertThrows(QuotaError.class,
                () -> Controllers.call(new Throwing(), "GET", "/error", new FakeContext()));
        assertSame(Throwing.ERROR, e);
    }

    @Test
    void stackTraceStartsInTheControllerMethod() {
        OrderRejectedException e = assertThrows(OrderRejectedException.class,
                () -> Controllers.call(new Throwing() {
                    @Override
                    String unchecked() {
                        throw new OrderRejectedException("fresh");
                    }
                }, "GET", "/unchecked", new FakeContext()));
        assertEquals("unchecked", e.getStackTrace()[0].getMethodName());
    }
}
