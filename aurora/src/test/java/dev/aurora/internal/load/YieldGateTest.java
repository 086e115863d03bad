package dev.aurora.internal.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YieldGateTest {

    @Test
    void aFreshGateIsClosedAndOpensOnceAsked() {
        YieldGate gate = new YieldGate(TimeUnit.SECONDS.toNanos(30));
        assertFalse(gate.allowed(), "no window before anyone asked");
        await().atMost(Duration.ofSeconds(10)).until(gate::allowed);
        assertTrue(gate.allowed(), "open for the whole window");
    }

    @Test
    void theWindowClosesByItselfAndTheNextAskReopensIt() {
        YieldGate gate = new YieldGate(TimeUnit.MILLISECONDS.toNanos(200));
        gate.allowed();
        // Asked more often than the window lasts, so a check falls inside an open window.
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(gate::allowed);
        // Nobody asks while the window runs out: closed, and asking again opens a new one.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(400)).until(() -> !gate.allowed());
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(gate::allowed);
    }
}
