package dev.aurora.test;

/**
 * Where test requests go: a {@link AuroraTestClient} (a new connection per request) or a
 * {@link TestConnection} (one kept-alive connection). The shortcuts build a request with that
 * method; {@link TestRequest#send()} sends it here.
 */
public interface TestTarget {
    /**
     * @param method any method token, e.g. {@code PROPFIND}
     * @param path the request target path, e.g. {@code /users/1} (may already hold a query)
     * @return a request with that method
     */
    TestRequest request(String method, String path);

    /**
     * @param path the request target path
     * @return a {@code GET} request
     */
    default TestRequest get(String path) {
        return request("GET", path);
    }

    /**
     * @param path the request target path
     * @return a {@code POST} request
     */
    default TestRequest post(String path) {
        return request("POST", path);
    }

    /**
     * @param path the request target path
     * @return a {@code PUT} request
     */
    default TestRequest put(String path) {
        return request("PUT", path);
    }

    /**
     * @param path the request target path
     * @return a {@code PATCH} request
     */
    default TestRequest patch(String path) {
        return request("PATCH", path);
    }

    /**
     * @param path the request target path
     * @return a {@code DELETE} request
     */
    default TestRequest delete(String path) {
        return request("DELETE", path);
    }

    /**
     * @param path the request target path
     * @return a {@code HEAD} request (its response is parsed without body)
     */
    default TestRequest head(String path) {
        return request("HEAD", path);
    }

    /**
     * @param path the request target path
     * @return an {@code OPTIONS} request
     */
    default TestRequest options(String path) {
        return request("OPTIONS", path);
    }
}
