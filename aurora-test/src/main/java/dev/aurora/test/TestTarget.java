package dev.aurora.test;

/**
 * Where test requests go: a {@link AuroraTestClient} (a new connection per request) or a
 * {@link TestConnection} (one kept-alive connection). The shortcuts build a request with that
 * method; {@link TestRequest#send()} sends it here.
 */
public interface TestTarget {
    /**
     * {@return a request with that method}
     *
     * @param method any method token, e.g. {@code PROPFIND}
     * @param path the request target path, e.g. {@code /users/1} (may already hold a query)
     */
    TestRequest request(String method, String path);

    /**
     * {@return a {@code GET} request}
     *
     * @param path the request target path
     */
    default TestRequest get(String path) {
        return request("GET", path);
    }

    /**
     * {@return a {@code POST} request}
     *
     * @param path the request target path
     */
    default TestRequest post(String path) {
        return request("POST", path);
    }

    /**
     * {@return a {@code PUT} request}
     *
     * @param path the request target path
     */
    default TestRequest put(String path) {
        return request("PUT", path);
    }

    /**
     * {@return a {@code PATCH} request}
     *
     * @param path the request target path
     */
    default TestRequest patch(String path) {
        return request("PATCH", path);
    }

    /**
     * {@return a {@code DELETE} request}
     *
     * @param path the request target path
     */
    default TestRequest delete(String path) {
        return request("DELETE", path);
    }

    /**
     * {@return a {@code HEAD} request (its response is parsed without body)}
     *
     * @param path the request target path
     */
    default TestRequest head(String path) {
        return request("HEAD", path);
    }

    /**
     * {@return an {@code OPTIONS} request}
     *
     * @param path the request target path
     */
    default TestRequest options(String path) {
        return request("OPTIONS", path);
    }
}
