package dev.aurora.startup;

/**
 * No server: prints the time since launch at once, then returns. The floor under every launcher
 * (exec, JVM creation, this class path, System.out), measured beside them.
 */
public final class Floor {
    private Floor() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        FirstRequest.printSinceLaunch("first-response-ms=");
        FirstRequest.mainReturns();
    }
}
