package dev.aurora.internal.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.internal.conditional.Preconditions.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of RFC 9110 section 13 as {@link Preconditions} evaluates it, and their order (13.2.2). */
class PreconditionsTest {
    private static final String TAG = "\"v3\"";
    private static final long MODIFIED = Instant.parse("2026-01-02T03:04:05Z").getEpochSecond();
    private static final String AT = "Fri, 02 Jan 2026 03:04:05 GMT";
    private static final String BEFORE = "Fri, 02 Jan 2026 03:04:04 GMT";
    private static final String AFTER = "Fri, 02 Jan 2026 03:04:06 GMT";

    /** Name and value pairs; a name given twice is two field lines. */
    private static Outcome evaluate(String method, String... fields) {
        return evaluate(method, TAG, MODIFIED, false, fields);
    }

    private static Outcome evaluate(String method, String etag, long modified, boolean weakened, String... fields) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < fields.length; i += 2) {
            map.computeIfAbsent(fields[i], n -> new ArrayList<>()).add(fields[i + 1]);
        }
        return Preconditions.evaluate(method, name -> map.getOrDefault(name, List.of()), etag, modified, weakened);
    }

    @Test
    void withoutPreconditionsTheRequestProceeds() {
        assertEquals(Outcome.PROCEED, evaluate("GET"));
        assertEquals(Outcome.PROCEED, evaluate("PUT"));
    }

    // ---- If-Match (13.1.1) ----

    @Test
    void ifMatchComparesStrongly() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Match", TAG));
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Match", "\"v1\", \"v3\""));
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("PUT", "If-Match", "\"v2\""));
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("PUT", "If-Match", "W/\"v3\""));
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("PUT", "W/\"v3\"", MODIFIED, false, "If-Match", "W/\"v3\""));
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("GET", "If-Match", "\"v2\""), "for every method");
    }

    @Test
    void ifMatchTakesTheWeakFormOfAStrongTagTheServerWeakened() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", TAG, MODIFIED, true, "If-Match", "W/\"v3\""));
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("PUT", TAG, MODIFIED, true, "If-Match", "W/\"v2\""));
    }

    @Test
    void ifMatchStarNeedsOnlyAnExistingRepresentation() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Match", "*"));
        assertEquals(Outcome.PROCEED, evaluate("PUT", null, Preconditions.NO_DATE, false, "If-Match", "*"));
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("PUT", null, MODIFIED, false, "If-Match", TAG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "\"v3", "\"v3\" \"v4\"", "*, \"v3\""})
    void aMalformedIfMatchFails(String value) {
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("PUT", "If-Match", value));
    }

    @Test
    void ifMatchOverridesIfUnmodifiedSince() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Match", TAG, "If-Unmodified-Since", BEFORE));
    }

    // ---- If-Unmodified-Since (13.1.4) ----

    @Test
    void ifUnmodifiedSinceFailsWhenModifiedAfterTheDate() {
        assertEquals(Outcome.IF_UNMODIFIED_SINCE_FAILED, evaluate("PUT", "If-Unmodified-Since", BEFORE));
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Unmodified-Since", AT));
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Unmodified-Since", AFTER));
        assertEquals(Outcome.IF_UNMODIFIED_SINCE_FAILED, evaluate("GET", "If-Unmodified-Since", BEFORE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "Fri, 02 Jan 2026 03:04:04", "2026-01-02T03:04:04Z", "Fri, 02 Jan 2026 03:04:04 GMT, x", ""})
    void anInvalidDateIsIgnored(String value) {
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Unmodified-Since", value));
        assertEquals(Outcome.PROCEED, evaluate("GET", "If-Modified-Since", value));
    }

    @Test
    void aDateInTwoFieldLinesIsIgnored() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Unmodified-Since", BEFORE, "If-Unmodified-Since", BEFORE));
        assertEquals(Outcome.PROCEED, evaluate("GET", "If-Modified-Since", AT, "If-Modified-Since", AT));
    }

    @Test
    void theObsoleteDateFormsAreRead() {
        assertEquals(Outcome.IF_UNMODIFIED_SINCE_FAILED, evaluate("PUT", "If-Unmodified-Since", "Friday, 02-Jan-26 03:04:04 GMT"));
        assertEquals(Outcome.IF_UNMODIFIED_SINCE_FAILED, evaluate("PUT", "If-Unmodified-Since", "Fri Jan  2 03:04:04 2026"));
    }

    @Test
    void withoutAModificationDateTheDatesAreIgnored() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", TAG, Preconditions.NO_DATE, false, "If-Unmodified-Since", BEFORE));
        assertEquals(Outcome.PROCEED, evaluate("GET", TAG, Preconditions.NO_DATE, false, "If-Modified-Since", AFTER));
    }

    // ---- If-None-Match (13.1.2) ----

    @Test
    void ifNoneMatchComparesWeaklyAndIs304ForReads() {
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "If-None-Match", TAG));
        assertEquals(Outcome.NOT_MODIFIED, evaluate("HEAD", "If-None-Match", "W/\"v3\""));
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "W/\"v3\"", MODIFIED, false, "If-None-Match", TAG));
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "If-None-Match", "\"v1\", \"v3\""));
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "If-None-Match", "*"));
        assertEquals(Outcome.PROCEED, evaluate("GET", "If-None-Match", "\"v1\", \"v2\""));
    }

    @Test
    void ifNoneMatchIs412ForOtherMethods() {
        assertEquals(Outcome.IF_NONE_MATCH_FAILED, evaluate("PUT", "If-None-Match", "*"));
        assertEquals(Outcome.IF_NONE_MATCH_FAILED, evaluate("DELETE", "If-None-Match", "W/\"v3\""));
        assertEquals(Outcome.PROCEED, evaluate("POST", "If-None-Match", "\"v2\""));
    }

    @Test
    void aMalformedIfNoneMatchMatchesNothing() {
        assertEquals(Outcome.PROCEED, evaluate("GET", "If-None-Match", "v3"));
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-None-Match", "* \"v3\""));
    }

    @Test
    void ifNoneMatchOverridesIfModifiedSince() {
        assertEquals(Outcome.PROCEED, evaluate("GET", "If-None-Match", "\"v2\"", "If-Modified-Since", AFTER));
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "If-None-Match", TAG, "If-Modified-Since", BEFORE));
    }

    // ---- If-Modified-Since (13.1.3) ----

    @Test
    void ifModifiedSinceIs304WhenNotModifiedAfterTheDate() {
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "If-Modified-Since", AT));
        assertEquals(Outcome.NOT_MODIFIED, evaluate("HEAD", "If-Modified-Since", AFTER));
        assertEquals(Outcome.PROCEED, evaluate("GET", "If-Modified-Since", BEFORE));
    }

    @Test
    void ifModifiedSinceIsOnlyForReads() {
        assertEquals(Outcome.PROCEED, evaluate("PUT", "If-Modified-Since", AFTER));
        assertEquals(Outcome.PROCEED, evaluate("POST", "If-Modified-Since", AFTER));
    }

    // ---- order and scope (13.2) ----

    @Test
    void aFailedIfMatchWinsOverANotModified() {
        assertEquals(Outcome.IF_MATCH_FAILED, evaluate("GET", "If-Match", "\"v2\"", "If-None-Match", TAG));
        assertEquals(Outcome.IF_UNMODIFIED_SINCE_FAILED,
                evaluate("GET", "If-Unmodified-Since", BEFORE, "If-Modified-Since", AFTER));
    }

    @Test
    void passingTheFirstStepsStillEvaluatesTheLater() {
        assertEquals(Outcome.NOT_MODIFIED, evaluate("GET", "If-Match", TAG, "If-None-Match", TAG));
        assertEquals(Outcome.IF_NONE_MATCH_FAILED, evaluate("PUT", "If-Unmodified-Since", AT, "If-None-Match", "*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "TRACE", "CONNECT"})
    void methodsThatSelectNoRepresentationIgnoreEveryPrecondition(String method) {
        assertEquals(Outcome.PROCEED, evaluate(method, "If-Match", "\"v2\"", "If-None-Match", TAG));
    }

    // ---- If-Range (13.1.5) ----

    @Test
    void ifRangeHonoursTheRangeForTheExactStrongTagOrDate() {
        assertTrue(Preconditions.rangeApplies(List.of(), TAG, MODIFIED));
        assertTrue(Preconditions.rangeApplies(List.of(TAG), TAG, MODIFIED));
        assertTrue(Preconditions.rangeApplies(List.of(" " + TAG + " "), TAG, MODIFIED));
        assertTrue(Preconditions.rangeApplies(List.of(AT), TAG, MODIFIED));
        assertTrue(Preconditions.rangeApplies(List.of("Friday, 02-Jan-26 03:04:05 GMT"), TAG, MODIFIED));
    }

    @Test
    void ifRangeSendsTheWholeRepresentationOtherwise() {
        assertFalse(Preconditions.rangeApplies(List.of("\"v2\""), TAG, MODIFIED));
        assertFalse(Preconditions.rangeApplies(List.of("W/\"v3\""), TAG, MODIFIED), "a weak tag never");
        assertFalse(Preconditions.rangeApplies(List.of("W/\"v3\""), "W/\"v3\"", MODIFIED), "a weak tag never");
        assertFalse(Preconditions.rangeApplies(List.of(TAG), "W/\"v3\"", MODIFIED), "a weak tag never");
        assertFalse(Preconditions.rangeApplies(List.of(AFTER), TAG, MODIFIED), "the exact date only");
        assertFalse(Preconditions.rangeApplies(List.of(BEFORE), TAG, MODIFIED));
        assertFalse(Preconditions.rangeApplies(List.of(AT), TAG, Preconditions.NO_DATE));
        assertFalse(Preconditions.rangeApplies(List.of("yesterday"), TAG, MODIFIED));
        assertFalse(Preconditions.rangeApplies(List.of(TAG, TAG), TAG, MODIFIED));
        assertFalse(Preconditions.rangeApplies(List.of("\"v3\", \"v4\""), TAG, MODIFIED));
    }
}
