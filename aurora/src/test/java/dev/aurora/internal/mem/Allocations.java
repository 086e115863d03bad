package dev.aurora.internal.mem;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}, reached
 * reflectively (the module {@code dev.aurora} itself does not read {@code jdk.management}). Shared
 * by the allocation tests of every package.
 */
public final class Allocations {
    private static final MethodHandle COUNTER = counter();

    private Allocations() {
    }

    /** Whether this JVM counts per-thread allocation. */
    public static boolean supported() {
        return COUNTER != null;
    }

    /** Bytes the current thread has allocated so far. */
    public static long allocatedBytes() {
        try {
            return (long) COUNTER.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static MethodHandle counter() {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            Object bean = factory.getMethod("getThreadMXBean").invoke(null);
            Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
            if (!sunBean.isInstance(bean)
                    || !(boolean) sunBean.getMethod("isThreadAllocatedMemoryEnabled").invoke(bean)) {
                return null;
            }
            return MethodHandles.publicLookup()
                    .findVirtual(sunBean, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                    .bindTo(bean);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
