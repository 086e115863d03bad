package dev.aurora.internal.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AcceptEncoding}: the RFC 9110 12.5.3 negotiation between gzip, deflate and identity. */
class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip                                   | gzip",
        "deflate                                | deflate",
        "gzip, deflate, br                      | gzip",
        "deflate, gzip                          | gzip",
        "GZIP                                   | gzip",
        "x-gzip                                 | gzip",
        "br                                     | identity",
        "''                                     | identity",
        "identity                               | identity",
        "*                                      | gzip",
        "*;q=0                                  | identity",
        "gzip;q=0                               | identity",
        "gzip;q=0, deflate                      | deflate",
        "gzip;q=0.5, deflate;q=0.8              | deflate",
        "gzip;q=0.8, deflate;q=0.8              | gzip",
        "gzip;q=0.001                           | gzip",
        "gzip;q=0.5, identity                   | identity",
        "gzip;q=0.5, identity;q=0.5             | gzip",
        "gzip, identity;q=0                     | gzip",
        "gzip;q=0.5, *                          | deflate",
        "gzip;q=0.5, deflate;q=0, *             | identity",
        "*;q=0.5, gzip;q=0                      | deflate",
        "deflate;q=0.2, *;q=0.4                 | gzip",
        "gzip ; q=1.0 , deflate                 | gzip",
        "gzip;Q=0.9, deflate;q=1                | deflate",
        "gzip;q=1.5, deflate;q=0.1              | deflate",
        "gzip;q=0.1234, deflate;q=0.1           | deflate",
        "gzip;q=, deflate                       | deflate",
        "gzip;level=9;q=0.3, deflate;q=0.2      | gzip",
        "' , ,gzip'                             | gzip",
        "identity;q=0                           | identity",
    })
    void negotiates(String header, String expected) {
        assertEquals(expected, AcceptEncoding.token(AcceptEncoding.negotiate(header)));
    }

    @Test
    void noHeaderMeansNoCompression() {
        assertEquals(AcceptEncoding.IDENTITY, AcceptEncoding.negotiate((String) null));
        assertEquals(AcceptEncoding.IDENTITY, AcceptEncoding.negotiate(List.of()));
    }

    @Test
    void severalFieldsCombine() {
        assertEquals(AcceptEncoding.DEFLATE, AcceptEncoding.negotiate(List.of("gzip;q=0.1", "deflate")));
        // A coding listed twice counts with its higher weight.
        assertEquals(AcceptEncoding.GZIP, AcceptEncoding.negotiate(List.of("gzip", "gzip;q=0", "deflate;q=0.5")));
    }
}
