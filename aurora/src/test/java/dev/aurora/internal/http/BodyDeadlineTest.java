package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The allowance arithmetic: each wait under the read timeout, all waits under grace + bytes / rate. */
class BodyDeadlineTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void withoutAMinimumRateEveryReadGetsTheReadTimeout() {
        BodyDeadline d = new BodyDeadline(30_000, 0, SECOND);
        d.account(3_600 * SECOND, 0);
        assertEquals(30_000, d.nextTimeoutMillis());
    }

    @Test
    void theFirstWaitGetsTheGrace() {
        assertEquals(2_000, new BodyDeadline(30_000, 100, 2 * SECOND).nextTimeoutMillis());
    }

    @Test
    void bytesReceivedEarnTimeAtTheMinimumRate() {
        BodyDeadline d = new BodyDeadline(30_000, 100, 2 * SECOND);
        d.account(SECOND, 250);
        // 2 s grace + 2.5 s earned - 1 s waited
        assertEquals(3_500, d.nextTimeoutMillis());
    }

    @Test
    void theReadTimeoutStillBoundsOneWait() {
        BodyDeadline d = new BodyDeadline(1_000, 100, 2 * SECOND);
        d.account(0, 100_000);
        assertEquals(1_000, d.nextTimeoutMillis());
    }

    @Test
    void aSpentAllowanceLeavesOneMillisecondForBytesAlreadyThere() {
        BodyDeadline d = new BodyDeadline(30_000, 100, SECOND);
        d.account(5 * SECOND, 10);
        assertEquals(1, d.nextTimeoutMillis());
    }

    @Test
    void restartGivesTheNextBodyAFreshAllowance() {
        BodyDeadline d = new BodyDeadline(30_000, 100, SECOND);
        d.account(5 * SECOND, 10);
        d.restart();
        assertEquals(1_000, d.nextTimeoutMillis());
    }

    @Test
    void hugeBodiesDoNotOverflowTheAllowance() {
        BodyDeadline d = new BodyDeadline(30_000, 1, SECOND);
        d.account(SECOND, Integer.MAX_VALUE);
        d.account(SECOND, Integer.MAX_VALUE);
        assertEquals(30_000, d.nextTimeoutMillis());
    }
}
