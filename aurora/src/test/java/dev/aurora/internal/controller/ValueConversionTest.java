package dev.aurora.internal.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.annotation.Get;
import dev.aurora.annotation.Header;
import dev.aurora.annotation.Param;
import dev.aurora.annotation.Query;
import dev.aurora.error.BadRequestException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path parameters, query parameters and headers converted to each supported type, and every
 * conversion failure answered with a 400 that names the value and the expected type.
 */
class ValueConversionTest {

    enum Color {
        RED, GREEN, DARK_BLUE
    }

    /** Constants that differ only in case: only exact names can be told apart. */
    enum Ambiguous {
        on, ON
    }

    /** Echoes each converted value with its runtime class, so a test sees the type too. */
    static class Echo {
        private static String echo(Object value) {
            return value.getClass().getSimpleName() + ":" + value;
        }

        @Get("/string/:v")
        String string(@Param("v") String v) {
            return echo(v);
        }

        @Get("/int/:v")
        String primitiveInt(@Param("v") int v) {
            return echo(v);
        }

        @Get("/integer/:v")
        String boxedInt(@Param("v") Integer v) {
            return echo(v);
        }

        @Get("/long/:v")
        String primitiveLong(@Param("v") long v) {
            return echo(v);
        }

        @Get("/boxed-long/:v")
        String boxedLong(@Param("v") Long v) {
            return echo(v);
        }

        @Get("/double/:v")
        String primitiveDouble(@Param("v") double v) {
            return echo(v);
        }

        @Get("/boxed-double/:v")
        String boxedDouble(@Param("v") Double v) {
            return echo(v);
        }

        @Get("/boolean/:v")
        String primitiveBoolean(@Param("v") boolean v) {
            return echo(v);
        }

        @Get("/boxed-boolean/:v")
        String boxedBoolean(@Param("v") Boolean v) {
            return echo(v);
        }

        @Get("/uuid/:v")
        String uuid(@Param("v") UUID v) {
            return echo(v);
        }

        @Get("/color/:v")
        String color(@Param("v") Color v) {
            return echo(v);
        }

        @Get("/ambiguous/:v")
        String ambiguous(@Param("v") Ambiguous v) {
            return echo(v);
        }

        @Get("/query")
        String query(@Query("limit") int limit) {
            return echo(limit);
        }

        @Get("/header")
        String header(@Header("X-Count") long count) {
            return echo(count);
        }
    }

    private static String convert(String kind, String value) throws Exception {
        return Controllers.call(new Echo(), "GET", "/" + kind + "/:v", new FakeContext().withParam("v", value)).text();
    }

    private static String failure(String kind, String value) {
        return assertThrows(BadRequestException.class, () -> convert(kind, value)).getMessage();
    }

    @ParameterizedTest
    @CsvSource({
        "string, hello, String:hello",
        "string, '', String:",
        "int, 42, Integer:42",
        "int, -7, Integer:-7",
        "int, +7, Integer:7",
        "int, 2147483647, Integer:2147483647",
        "integer, 42, Integer:42",
        "long, 9007199254740993, Long:9007199254740993",
        "boxed-long, -1, Long:-1",
        "double, 2.5, Double:2.5",
        "double, -1e3, Double:-1000.0",
        "boxed-double, 0, Double:0.0",
        "boolean, true, Boolean:true",
        "boxed-boolean, false, Boolean:false",
        "uuid, 123e4567-e89b-12d3-a456-426614174000, UUID:123e4567-e89b-12d3-a456-426614174000",
        "color, GREEN, Color:GREEN",
        "color, dark_blue, Color:DARK_BLUE",
        "color, Red, Color:RED",
        "ambiguous, on, Ambiguous:on",
        "ambiguous, ON, Ambiguous:ON",
    })
    void convertsToEachSupportedType(String kind, String value, String expected) throws Exception {
        assertEquals(expected, convert(kind, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5", "2147483648", "1_000", " 1", "\u0661\u0662", "-", "+"})
    void notAnIntIsABadRequest(String value) {
        assertEquals("Path parameter v must be an int", failure("int", value));
        assertEquals("Path parameter v must be an int", failure("integer", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "9223372036854775808", "1e3", "0x10"})
    void notALongIsABadRequest(String value) {
        assertEquals("Path parameter v must be a long", failure("long", value));
        assertEquals("Path parameter v must be a long", failure("boxed-long", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "Infinity", "-Infinity", "1e999", "0x1p3", "1d", " 1", "1,5", "."})
    void notAFiniteNumberIsABadRequest(String value) {
        assertEquals("Path parameter v must be a number", failure("double", value));
        assertEquals("Path parameter v must be a number", failure("boxed-double", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TRUE", "True", "yes", "1", "on"})
    void onlyTrueAndFalseAreBooleans(String value) {
        assertEquals("Path parameter v must be true or false", failure("boolean", value));
        assertEquals("Path parameter v must be true or false", failure("boxed-boolean", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "1-1-1-1-1", "123e4567-e89b-12d3-a456-4266141740000",
        "123e4567xe89b-12d3-a456-426614174000"})
    void malformedUuidIsABadRequest(String value) {
        assertEquals("Path parameter v must be a UUID", failure("uuid", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PURPLE", "dark-blue", "RED "})
    void unknownEnumConstantIsABadRequestListingTheConstants(String value) {
        assertEquals("Path parameter v must be one of RED, GREEN, DARK_BLUE", failure("color", value));
    }

    @Test
    void enumConstantsThatDifferOnlyInCaseNeedTheExactName() {
        assertEquals("Path parameter v must be one of on, ON", failure("ambiguous", "On"));
    }

    @Test
    void queryConversionFailureNamesTheQueryParameter() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> Controllers.call(new Echo(), "GET", "/query", new FakeContext().withQuery("limit", "ten")));
        assertEquals("Query parameter limit must be an int", e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void headerConversionFailureNamesTheHeader() throws Exception {
        assertEquals("Long:12",
                Controllers.call(new Echo(), "GET", "/header", new FakeContext().withHeader("X-Count", "12")).text());
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> Controllers.call(new Echo(), "GET", "/header", new FakeContext().withHeader("X-Count", "many")));
        assertEquals("Header X-Count must be a long", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.time.LocalDate | 2026-02-28 | 2026-02-28",
        "java.time.LocalTime | 23:59 | 23:59",
        "java.time.LocalDateTime | 2026-12-31T23:59:30 | 2026-12-31T23:59:30",
        "java.time.OffsetDateTime | 2026-12-31T23:59:30+01:00 | 2026-12-31T23:59:30+01:00",
        "java.time.Instant | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z",
        "java.time.Duration | PT1M30S | PT1M30S",
        "java.math.BigDecimal | -12.50 | -12.50"})
    void isoTimesAndDecimalsAreConverted(String type, String text, String expected) throws Exception {
        ValueConverter c = ValueConverter.of(Class.forName(type), "Query parameter v");
        Object value = c.convert(text);
        assertEquals(Class.forName(type), value.getClass());
        assertEquals(expected, value.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.time.LocalDate | 2026-02-30 | must be a date like 2026-12-31",
        "java.time.LocalDate | 31.12.2026 | must be a date like 2026-12-31",
        "java.time.Instant | 2026-01-01 | must be an instant like 2026-12-31T23:59:30Z",
        "java.time.Duration | 90s | must be an ISO-8601 duration like PT30S",
        "java.math.BigDecimal | 1e999999999 | must be a decimal number",
        "java.math.BigDecimal | twelve | must be a decimal number"})
    void anIsoTimeOrDecimalThatDoesNotFitIs400NamingIt(String type, String text, String expectation) throws Exception {
        ValueConverter c = ValueConverter.of(Class.forName(type), "Query parameter v");
        BadRequestException e = assertThrows(BadRequestException.class, () -> c.convert(text));
        assertEquals("Query parameter v " + expectation, e.getMessage());
    }
}
