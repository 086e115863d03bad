package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Bump allocation, O(1) reset, doubling growth, and shrinking back after an outsized request. */
class ArenaTest {

    @Test
    void allocationsAreConsecutiveOffsets() {
        Arena arena = new Arena(16, 64);
        assertEquals(0, arena.allocateInts(4));
        assertEquals(4, arena.allocateInts(0));
        assertEquals(4, arena.allocateInts(12));
        assertEquals(0, arena.allocateBytes(10));
        assertEquals(10, arena.allocateBytes(54));
        assertEquals(16, arena.usedInts());
        assertEquals(64, arena.usedBytes());
        assertEquals(16, arena.intCapacity(), "exactly full does not grow");
        assertEquals(64, arena.byteCapacity());
    }

    @Test
    void resetFreesEverythingAndKeepsTheArrays() {
        Arena arena = new Arena(8, 8);
        int[] ints = arena.ints();
        byte[] bytes = arena.bytes();
        arena.allocateInts(8);
        arena.allocateBytes(8);
        arena.reset();
        assertEquals(0, arena.usedInts());
        assertEquals(0, arena.usedBytes());
        assertSame(ints, arena.ints());
        assertSame(bytes, arena.bytes());
        assertEquals(0, arena.allocateInts(3));
        assertEquals(0, arena.allocateBytes(3));
    }

    @Test
    void growsByDoublingAndKeepsEarlierContents() {
        Arena arena = new Arena(4, 4);
        int at = arena.allocateInts(3);
        arena.ints()[at] = 7;
        arena.ints()[at + 2] = 9;
        int next = arena.allocateInts(2); // 5 > 4: doubles to 8
        assertEquals(3, next);
        assertEquals(8, arena.intCapacity());
        assertEquals(7, arena.ints()[at]);
        assertEquals(9, arena.ints()[at + 2]);
        arena.allocateInts(20); // 25: doubles twice more, to 32
        assertEquals(32, arena.intCapacity());

        int b = arena.allocateBytes(1);
        arena.bytes()[b] = 42;
        assertEquals(1, arena.allocateBytes(100)); // 101: 4 -> 128
        assertEquals(128, arena.byteCapacity());
        assertEquals(42, arena.bytes()[b]);
        assertEquals(25, arena.usedInts());
        assertEquals(101, arena.usedBytes());
    }

    @Test
    void grownRegionShrinksAfterSixteenSmallRequests() {
        Arena arena = new Arena(8, 8);
        arena.allocateInts(100); // outlier: 8 -> 128
        arena.allocateBytes(100);
        arena.reset();
        int[] grown = arena.ints();
        assertEquals(128, grown.length);
        for (int request = 1; request < Arena.SHRINK_AFTER; request++) {
            arena.allocateInts(32); // a quarter of 128 still counts as small
            arena.allocateBytes(5);
            arena.reset();
            assertSame(grown, arena.ints(), "still grown after " + request + " small requests");
        }
        arena.allocateInts(32);
        arena.reset();
        assertEquals(8, arena.intCapacity());
        assertEquals(8, arena.byteCapacity());
        assertNotSame(grown, arena.ints());
    }

    @Test
    void largerRequestRestartsTheCount() {
        Arena arena = new Arena(8, 8);
        arena.allocateInts(100);
        arena.reset();
        for (int round = 0; round < 5; round++) {
            for (int request = 0; request < Arena.SHRINK_AFTER - 1; request++) {
                arena.allocateInts(1);
                arena.reset();
            }
            arena.allocateInts(33); // more than a quarter of 128
            arena.reset();
        }
        assertEquals(128, arena.intCapacity(), "alternating sizes do not reallocate");
        for (int request = 0; request < Arena.SHRINK_AFTER; request++) {
            arena.reset();
        }
        assertEquals(8, arena.intCapacity());
    }

    @Test
    void regionsShrinkIndependently() {
        Arena arena = new Arena(8, 8);
        arena.allocateInts(100);
        arena.allocateBytes(100);
        arena.reset();
        for (int request = 0; request < Arena.SHRINK_AFTER; request++) {
            arena.allocateBytes(100); // the byte region stays busy
            arena.reset();
        }
        assertEquals(8, arena.intCapacity());
        assertEquals(128, arena.byteCapacity());
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Arena(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new Arena(8, 0));
        Arena arena = new Arena(8, 8);
        assertThrows(IllegalArgumentException.class, () -> arena.allocateInts(-1));
        assertThrows(IllegalArgumentException.class, () -> arena.allocateBytes(-1));
        arena.allocateInts(4);
        assertThrows(OutOfMemoryError.class, () -> arena.allocateInts(Integer.MAX_VALUE));
        assertThrows(OutOfMemoryError.class, () -> arena.allocateBytes(Integer.MAX_VALUE));
        assertEquals(4, arena.usedInts(), "a refused allocation changes nothing");
        assertEquals(8, arena.intCapacity());
    }

    @Test
    void allocateAndResetAllocateNothing() {
        Assumptions.assumeTrue(Allocations.supported(), "per-thread allocation counter not supported");
        Arena arena = new Arena(64, 256);
        long sum = 0;
        for (int round = 0; round < 20; round++) {
            sum += requests(arena, 10_000);
        }
        long before = Allocations.allocatedBytes();
        sum += requests(arena, 100_000);
        long allocated = Allocations.allocatedBytes() - before;
        assertTrue(sum > 0);
        assertTrue(allocated < 1024, allocated + " bytes allocated by 100,000 requests");
    }

    private static long requests(Arena arena, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < 10; h++) {
                sum += arena.allocateInts(4) + arena.allocateBytes(16);
            }
            arena.reset();
        }
        return sum;
    }
}
