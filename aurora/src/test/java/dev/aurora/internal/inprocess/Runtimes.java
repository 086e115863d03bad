package dev.aurora.internal.inprocess;

import dev.aurora.Aurora;
import dev.aurora.internal.server.ServerRuntime;

/** Test-side door to an application's runtime, for tests that check its pools and registry. */
public final class Runtimes {
    private Runtimes() {
    }

    /** The runtime serving {@code app}: the running server's, else one built unstarted. */
    public static ServerRuntime of(Aurora app) {
        return InProcess.runtime(app);
    }
}
