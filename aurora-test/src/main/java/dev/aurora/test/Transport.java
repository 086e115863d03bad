package dev.aurora.test;

import java.io.IOException;

/** How a test client gets request bytes to the application and its answer back. */
interface Transport extends AutoCloseable {
    /**
     * Sends {@code request} as one connection's whole input, then end of stream.
     *
     * @return every byte the server wrote on that connection
     */
    byte[] exchange(byte[] request) throws IOException, InterruptedException;

    /** Opens a connection that stays open across requests. */
    Channel connect() throws IOException;

    /** One kept-alive connection: a request in, its one response out. Not thread-safe. */
    interface Channel extends AutoCloseable {
        /**
         * Sends one complete request and reads its response.
         *
         * @param request the request bytes
         * @param headRequest whether it is {@code HEAD} (the response has no body)
         * @return the response
         * @throws IOException if the connection fails or closes before the response is complete
         */
        TestResponse exchange(byte[] request, boolean headRequest) throws IOException;

        /** Whether the server may take another request on this connection. */
        boolean isOpen();

        @Override
        void close();
    }

    /**
     * Opens a connection for a two-way conversation (WebSocket): its bytes as streams.
     *
     * @param readTimeoutMillis how long a read of {@link Stream#input()} waits at most
     */
    Stream stream(int readTimeoutMillis) throws IOException;

    /** A raw two-way connection. */
    interface Stream extends AutoCloseable {
        java.io.InputStream input();

        java.io.OutputStream output();

        @Override
        void close();
    }

    /** Releases what this transport started; idempotent. */
    @Override
    void close();
}
