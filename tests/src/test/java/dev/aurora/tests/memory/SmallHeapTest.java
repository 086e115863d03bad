package dev.aurora.tests.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.tests.support.ServerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A server with a small heap ({@code -Xmx128m}) and default settings, and more idle connections
 * than its heap was sized for: every connection is either served or refused with an answer, none
 * hangs, the server survives, and once the connections close it serves normally again.
 */
class SmallHeapTest {

    @Test
    void tenThousandIdleConnectionsAreServedOrRefusedAndTheServerRecovers() throws Exception {
        holdThenRecover(10_000);
    }

    @Test
    @Tag("stress")
    void hundredThousandConnectionsOnASmallHeapNeverKillTheServer() throws Exception {
        holdThenRecover(100_000);
    }

    private static void holdThenRecover(int count) throws Exception {
        IdleConnectionMemoryTest.assumeOpenFiles(count);
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx128m", "-XX:+UseSerialGC"), IdleServerMain.class)) {
            try (IdleClients clients = IdleClients.open(server.port(), count)) {
                IdleClients.Outcome first = clients.roundTrip(Duration.ofSeconds(Math.max(60, count / 1_000)));
                System.out.printf("%,d connections on -Xmx128m: %,d refused at connect, %s%n",
                        count, clients.refused(), first);
                assertEquals(0, first.unanswered(), () -> "requests left without an answer: " + first);
                assertEquals(clients.opened(), first.total(), () -> "every open connection accounted for: " + first);
                assertTrue(first.ok() > 0, () -> "some were served: " + first);
                assertTrue(server.alive(), server::output);
            }
            try (IdleClients after = IdleClients.open(server.port(), 100)) {
                IdleClients.Outcome recovered = after.roundTrip(Duration.ofSeconds(30));
                assertEquals(100, recovered.ok(), () -> "after the connections closed: " + recovered + "\n" + server.output());
            }
        }
    }
}
