package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The free list both pools share: an exact bound over all stripes, spilling and stealing. */
class StripedStackTest {

    @Test
    void holdsExactlyItsCapacityOverAllStripes() {
        StripedStack stack = new StripedStack(5, 4);
        for (int i = 0; i < 5; i++) {
            assertTrue(stack.push(i), "push " + i);
        }
        assertFalse(stack.push(5));
        assertEquals(5, stack.size());
        Set<Integer> popped = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            popped.add(stack.pop());
        }
        assertEquals(StripedStack.EMPTY, stack.pop());
        assertEquals(Set.of(0, 1, 2, 3, 4), popped);
        assertEquals(5, stack.pushes());
        assertEquals(5, stack.pops());
        assertEquals(0, stack.size());
    }

    @Test
    void oneStripeIsLastInFirstOut() {
        StripedStack stack = new StripedStack(3, 1);
        stack.push(7);
        stack.push(8);
        assertEquals(8, stack.pop());
        assertEquals(7, stack.pop());
    }

    @Test
    void zeroCapacityHoldsNothing() {
        StripedStack stack = new StripedStack(0, 2);
        assertFalse(stack.push(1));
        assertEquals(StripedStack.EMPTY, stack.pop());
    }

    @Test
    void stripesArePowersOfTwo() {
        int stripes = StripedStack.defaultStripes();
        assertEquals(1, Integer.bitCount(stripes));
        assertTrue(stripes >= 2 * Runtime.getRuntime().availableProcessors() || stripes == 64);
        assertEquals(stripes, new StripedStack(1, stripes).stripes());
        assertThrows(IllegalArgumentException.class, () -> new StripedStack(1, 6));
        assertThrows(IllegalArgumentException.class, () -> new StripedStack(1, 128));
        assertThrows(IllegalArgumentException.class, () -> new StripedStack(-1, 1));
    }
}
