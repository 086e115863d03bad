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

    /** Releases what this transport started; idempotent. */
    @Override
    void close();
}
