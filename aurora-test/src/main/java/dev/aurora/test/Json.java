package dev.aurora.test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The Jackson mapper shared by the test client's requests and responses. Thread-safe once built. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
