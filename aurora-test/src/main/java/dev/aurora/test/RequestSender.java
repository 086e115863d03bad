package dev.aurora.test;

import dev.aurora.json.JsonCodec;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@link TestRequest#send()} hands the finished request to.
 *
 * @param transmit sends a request and returns its response
 * @param keepAlive whether requests keep the connection open (otherwise they carry
 *     {@code Connection: close})
 * @param json the application's JSON codec, asked for at each use (the application may still be
 *     configured when the client is made)
 */
record RequestSender(Function<TestRequest, TestResponse> transmit, boolean keepAlive, Supplier<JsonCodec> json) {
    TestResponse send(TestRequest request) {
        return transmit.apply(request);
    }
}
