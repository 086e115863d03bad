package dev.aurora.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The lingering bound: half the descriptors admitted connections cannot use, within limits. */
class OverloadResponderTest {

    @Test
    void halfOfTheDescriptorsLeftByMaxConnections() {
        assertEquals(5_000, OverloadResponder.lingeringLimit(20_000, 10_000));
        assertEquals(45_000, OverloadResponder.lingeringLimit(100_000, 10_000));
    }

    @Test
    void neverBelowAFloorWhenMaxConnectionsTakesEveryDescriptor() {
        assertEquals(256, OverloadResponder.lingeringLimit(1_024, 10_000));
    }

    @Test
    void neverAboveACeilingOnAHugeDescriptorLimit() {
        assertEquals(65_536, OverloadResponder.lingeringLimit(1L << 40, 10_000));
    }

    @Test
    void anUnknownLimitGivesTheDefault() {
        assertEquals(OverloadResponder.DEFAULT_LINGERING, OverloadResponder.lingeringLimit(-1, 10_000));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessLimitIsTheOneTheKernelReports() throws Exception {
        // Soft limit, the one that fails an accept: "Max open files  <soft>  <hard>  files".
        long soft = Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max open files"))
                .map(l -> l.substring("Max open files".length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
        assertEquals(OverloadResponder.lingeringLimit(soft, 10_000), OverloadResponder.lingeringLimit(10_000));
    }
}
