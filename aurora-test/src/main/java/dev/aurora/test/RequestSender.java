package dev.aurora.test;

import java.util.function.Function;

/**
 * What {@link TestRequest#send()} hands the finished request to.
 *
 * @param transmit sends a request and returns its response
 * @param keepAlive whether requests keep the connection open (otherwise they carry
 *     {@code Connection: close})
 */
record RequestSender(Function<TestRequest, TestResponse> transmit, boolean keepAlive) {
    TestResponse send(TestRequest request) {
        return transmit.apply(request);
    }
}
