package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Annotation misuse fails when the schema is built, naming the annotation, type and member. */
class PlanErrorTest {
    record RangeOnString(@Range(min = 1) String s) {
    }

    record LengthOnInteger(@Length(max = 3) Integer n) {
    }

    record RangeMinAboveMax(@Range(min = 5, max = 1) int n) {
    }

    record LengthMinAboveMax(@Length(min = 5, max = 1) String s) {
    }

    record NegativeLength(@Length(min = -1) String s) {
    }

    record BadRegex(@Pattern("[a-") String s) {
    }

    record PatternOnInt(@Pattern("\\d+") int n) {
    }

    record EmailOnObject(@Email Object o) {
    }

    record OneOfOnList(@OneOf("a") List<String> l) {
    }

    record EmptyOneOf(@OneOf({}) String s) {
    }

    record DuplicateOneOf(@OneOf({"a", "a"}) String s) {
    }

    static final class FieldRangeOnBoolean {
        @Range(max = 1) boolean flag;
    }

    record Outer(List<RangeOnString> inner) {
    }

    private static String fail(Class<?> type) {
        return assertThrows(IllegalArgumentException.class, () -> Schema.of(type)).getMessage();
    }

    private static String n(Class<?> type) {
        return type.getName();
    }

    @Test
    void rangeNeedsANumber() {
        assertEquals("@Range on " + n(RangeOnString.class) + ".s needs a number type, not java.lang.String",
                fail(RangeOnString.class));
        assertEquals("@Range on " + n(FieldRangeOnBoolean.class) + ".flag needs a number type, not boolean",
                fail(FieldRangeOnBoolean.class));
    }

    @Test
    void lengthNeedsSomethingWithALength() {
        assertEquals("@Length on " + n(LengthOnInteger.class)
                + ".n needs a CharSequence, Collection, Map or array, not java.lang.Integer", fail(LengthOnInteger.class));
    }

    @Test
    void boundsMustBeOrdered() {
        assertEquals("@Range on " + n(RangeMinAboveMax.class) + ".n min 5 is greater than max 1",
                fail(RangeMinAboveMax.class));
        assertEquals("@Length on " + n(LengthMinAboveMax.class) + ".s min 5 is greater than max 1",
                fail(LengthMinAboveMax.class));
        assertEquals("@Length on " + n(NegativeLength.class) + ".s min -1 is negative", fail(NegativeLength.class));
    }

    @Test
    void regexMustCompile() {
        String m = fail(BadRegex.class);
        assertEquals("@Pattern on " + n(BadRegex.class) + ".s has a bad regex \"[a-\": Illegal character range", m);
    }

    @Test
    void textAnnotationsNeedText() {
        assertEquals("@Pattern on " + n(PatternOnInt.class) + ".n needs a CharSequence, not int", fail(PatternOnInt.class));
        assertEquals("@Email on " + n(EmailOnObject.class) + ".o needs a CharSequence, not java.lang.Object",
                fail(EmailOnObject.class));
        assertEquals("@OneOf on " + n(OneOfOnList.class) + ".l needs a CharSequence, not java.util.List",
                fail(OneOfOnList.class));
    }

    @Test
    void oneOfNeedsDistinctValues() {
        assertEquals("@OneOf on " + n(EmptyOneOf.class) + ".s needs at least one value", fail(EmptyOneOf.class));
        assertEquals("@OneOf on " + n(DuplicateOneOf.class) + ".s has duplicate values", fail(DuplicateOneOf.class));
    }

    @Test
    void misuseInAReachableTypeFailsTheOuterSchema() {
        assertEquals("@Range on " + n(RangeOnString.class) + ".s needs a number type, not java.lang.String",
                fail(Outer.class));
        // and again: a failed build is not cached as a success
        assertEquals("@Range on " + n(RangeOnString.class) + ".s needs a number type, not java.lang.String",
                fail(Outer.class));
    }

    @Test
    void primitivesCannotHaveASchema() {
        assertEquals("cannot validate a primitive type: int", fail(int.class));
    }
}
