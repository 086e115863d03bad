package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each annotation on its own: inclusive boundaries, just outside them, and null. */
class AnnotationChecksTest {
    record Req(@Required String s, @Required(allowBlank = true) String blankOk, @Required Integer n,
            @Required int primitive) {
    }

    record Ints(@Range(min = 1, max = 10) int i, @Range(min = -5, max = 5) long l,
            @Range(min = 0, max = 100) short s, @Range(min = 0, max = 100) byte b) {
    }

    record Floats(@Range(min = 0, max = 1) double d, @Range(min = 0, max = 1) float f) {
    }

    record Boxed(@Range(min = 1, max = 10) Integer i, @Range(min = 1, max = 10) Long l,
            @Range(min = 1, max = 10) Double d, @Range(min = 1, max = 10) BigInteger bi,
            @Range(min = 1, max = 10) BigDecimal bd, @Range(min = 1, max = 10) Short s,
            @Range(min = 1, max = 10) Byte b, @Range(min = 1, max = 10) Float f) {
    }

    record OneSided(@Range(min = 5) int atLeast, @Range(max = 5) int atMost,
            @Length(min = 2) String minLen, @Length(max = 2) String maxLen) {
    }

    record Lengths(@Length(min = 2, max = 3) String s, @Length(min = 1, max = 2) List<String> list,
            @Length(min = 1, max = 1) Map<String, String> map, @Length(max = 2) int[] ints,
            @Length(min = 1) Set<String> set, @Length(min = 1, max = 2) StringBuilder sb) {
    }

    record Patterned(@Pattern("[a-z]+") String word) {
    }

    record Choice(@OneOf({"red", "green"}) String color, @OneOf({"a", "b"}) CharSequence cs) {
    }

    enum Color { RED, GREEN }

    record WithEnum(@Required Color color) {
    }

    private static <T> List<Violation> check(Class<T> type, T value) {
        return Schema.of(type).violations(value);
    }

    private static Violation v(String pointer, String code, String message) {
        return new Violation(pointer, code, message);
    }

    @Test
    void requiredAcceptsPresentValues() {
        assertEquals(List.of(), check(Req.class, new Req("x", " ", 0, 0)));
    }

    @Test
    void requiredRejectsNullBlankAndEmpty() {
        assertEquals(List.of(v("/s", "required", "must not be null"), v("/blankOk", "required", "must not be null"),
                v("/n", "required", "must not be null")), check(Req.class, new Req(null, null, null, 0)));
        assertEquals(List.of(v("/s", "required", "must not be blank")), check(Req.class, new Req(" \t\n", "", 1, 0)));
        assertEquals(List.of(v("/s", "required", "must not be blank")), check(Req.class, new Req("", "", 1, 0)));
    }

    @Test
    void rangeOnIntegralPrimitivesIsInclusive() {
        assertEquals(List.of(), check(Ints.class, new Ints(1, -5, (short) 0, (byte) 0)));
        assertEquals(List.of(), check(Ints.class, new Ints(10, 5, (short) 100, (byte) 100)));
        assertEquals(List.of(v("/i", "range", "must be between 1 and 10"), v("/l", "range", "must be between -5 and 5"),
                v("/s", "range", "must be between 0 and 100"), v("/b", "range", "must be between 0 and 100")),
                check(Ints.class, new Ints(0, 6, (short) -1, (byte) 101)));
        assertEquals(1, check(Ints.class, new Ints(11, -6, (short) 0, (byte) 0)).size() - 1);
    }

    @Test
    void rangeOnFloatingPointIsInclusiveAndRejectsNaN() {
        assertEquals(List.of(), check(Floats.class, new Floats(0, 1)));
        assertEquals(List.of(), check(Floats.class, new Floats(1, 0)));
        assertEquals(List.of(v("/d", "range", "must be between 0 and 1"), v("/f", "range", "must be between 0 and 1")),
                check(Floats.class, new Floats(1.0000001, -0.0001f)));
        assertEquals(2, check(Floats.class, new Floats(Double.NaN, Float.NaN)).size());
        assertEquals(1, check(Floats.class, new Floats(Double.POSITIVE_INFINITY, 0)).size());
    }

    @Test
    void rangeOnBoxedAndBigNumbers() {
        Boxed ok = new Boxed(1, 10L, 10.0, BigInteger.ONE, new BigDecimal("10.00"), (short) 1, (byte) 10, 1f);
        assertEquals(List.of(), check(Boxed.class, ok));
        Boxed nulls = new Boxed(null, null, null, null, null, null, null, null);
        assertEquals(List.of(), check(Boxed.class, nulls));
        Boxed bad = new Boxed(0, 11L, 10.5, BigInteger.valueOf(11), new BigDecimal("0.999"), (short) 0, (byte) 11, 0.5f);
        List<Violation> got = check(Boxed.class, bad);
        assertEquals(List.of("/i", "/l", "/d", "/bi", "/bd", "/s", "/b", "/f"), got.stream().map(Violation::pointer).toList());
        assertTrue(got.stream().allMatch(x -> x.code().equals("range") && x.message().equals("must be between 1 and 10")));
        assertEquals(1, check(Boxed.class, new Boxed(null, null, null,
                new BigInteger("100000000000000000000000"), null, null, null, null)).size());
    }

    @Test
    void oneSidedBoundsSaySo() {
        assertEquals(List.of(), check(OneSided.class, new OneSided(5, 5, "ab", "ab")));
        assertEquals(List.of(v("/atLeast", "range", "must be at least 5"), v("/atMost", "range", "must be at most 5"),
                v("/minLen", "length", "length must be at least 2"), v("/maxLen", "length", "length must be at most 2")),
                check(OneSided.class, new OneSided(4, 6, "a", "abc")));
        assertEquals(List.of(), check(OneSided.class, new OneSided(Integer.MAX_VALUE, Integer.MIN_VALUE, null, null)));
    }

    @Test
    void lengthOfTextCollectionsMapsAndArrays() {
        Lengths ok = new Lengths("ab", List.of("x", "y"), Map.of("k", "v"), new int[2], Set.of("x"), new StringBuilder("x"));
        assertEquals(List.of(), check(Lengths.class, ok));
        assertEquals(List.of(), check(Lengths.class, new Lengths("abc", List.of("x"), Map.of("k", "v"), new int[0], Set.of("a", "b"), new StringBuilder("xy"))));
        assertEquals(List.of(), check(Lengths.class, new Lengths(null, null, null, null, null, null)));
        Lengths bad = new Lengths("abcd", List.of(), Map.of(), new int[3], Set.of(), new StringBuilder());
        assertEquals(List.of(v("/s", "length", "length must be between 2 and 3"),
                v("/list", "length", "length must be between 1 and 2"),
                v("/map", "length", "length must be between 1 and 1"),
                v("/ints", "length", "length must be at most 2"),
                v("/set", "length", "length must be at least 1"),
                v("/sb", "length", "length must be between 1 and 2")), check(Lengths.class, bad));
        assertEquals(1, check(Lengths.class, new Lengths("a", null, null, null, null, null)).size());
    }

    @Test
    void patternMustMatchTheWholeValue() {
        assertEquals(List.of(), check(Patterned.class, new Patterned("abc")));
        assertEquals(List.of(), check(Patterned.class, new Patterned(null)));
        assertEquals(List.of(v("/word", "pattern", "must match [a-z]+")), check(Patterned.class, new Patterned("abc1")));
        assertEquals(1, check(Patterned.class, new Patterned("")).size());
        assertEquals(1, check(Patterned.class, new Patterned("1abc")).size());
    }

    @Test
    void oneOfAcceptsOnlyListedValues() {
        assertEquals(List.of(), check(Choice.class, new Choice("red", new StringBuilder("b"))));
        assertEquals(List.of(), check(Choice.class, new Choice(null, null)));
        assertEquals(List.of(v("/color", "oneOf", "must be one of red, green"), v("/cs", "oneOf", "must be one of a, b")),
                check(Choice.class, new Choice("Red", new StringBuilder("c"))));
    }

    @Test
    void enumsAreCheckedByTheirType() {
        assertEquals(List.of(), check(WithEnum.class, new WithEnum(Color.GREEN)));
        assertEquals(List.of(v("/color", "required", "must not be null")), check(WithEnum.class, new WithEnum(null)));
    }

    @Test
    void nullRootIsRequired() {
        assertEquals(List.of(v("", "required", "must not be null")), check(Req.class, null));
    }

    @Test
    void validateThrowsWithEveryViolation() {
        Schema<Ints> schema = Schema.of(Ints.class);
        Ints ok = new Ints(1, 0, (short) 0, (byte) 0);
        assertEquals(ok, schema.validate(ok));
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> schema.validate(new Ints(0, 9, (short) 0, (byte) 0)));
        assertEquals(2, e.violations().size());
        assertEquals(400, e.status());
        assertEquals("2 invalid values", e.getMessage());
    }

    @Test
    void schemaIsCachedPerType() {
        assertTrue(Schema.of(Ints.class) == Schema.of(Ints.class));
        assertEquals(Ints.class, Schema.of(Ints.class).type());
    }
}
