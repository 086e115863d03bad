package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recursion into nested objects, collections, arrays and map values, with exact pointers. */
class NestedValidationTest {
    record Item(@Required String name, @Range(min = 1, max = 10) int qty) {
    }

    record Order(@Email String email, @Length(min = 1) List<Item> items, Item[] extras, Set<Item> gifts,
            Map<String, Item> byKey, Address address) {
    }

    record Address(@Required String city, Item label) {
    }

    static final class Node {
        @Required String name;
        Node next;
        List<Node> children = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }
    }

    static class Base {
        @Range(min = 0, max = 1) int base;
    }

    static final class Derived extends Base {
        @Required String own;
    }

    record Holder(Object anything, List<List<Item>> grid) {
    }

    record Box<T>(T value) {
    }

    interface Shape {
    }

    record Circle(@Range(min = 1) int radius) implements Shape {
    }

    record Drawing(Shape main, Map<String, List<Shape>> layers) {
    }

    private static Order order(List<Item> items) {
        return new Order("a@b.io", items, new Item[0], Set.of(), Map.of(), null);
    }

    @Test
    void validNestedGraphHasNoViolations() {
        Order o = new Order("a@b.io", List.of(new Item("x", 1)), new Item[] {new Item("y", 2)},
                Set.of(new Item("z", 3)), Map.of("k", new Item("w", 4)), new Address("Oslo", new Item("l", 5)));
        assertEquals(List.of(), Schema.of(Order.class).violations(o));
    }

    @Test
    void listElementsAreAddressedByIndex() {
        List<Item> items = List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3), new Item(null, 11));
        assertEquals(List.of(new Violation("/items/3/name", "required", "must not be null"),
                new Violation("/items/3/qty", "range", "must be between 1 and 10")),
                Schema.of(Order.class).violations(order(items)));
    }

    @Test
    void arraysSetsMapsAndNestedRecords() {
        Set<Item> gifts = new LinkedHashSet<>(List.of(new Item("ok", 1), new Item("bad", 0)));
        Map<String, Item> byKey = new LinkedHashMap<>();
        byKey.put("a/b~c", new Item(" ", 1));
        Order o = new Order("nope", List.of(), new Item[] {null, new Item("e", 99)}, gifts, byKey,
                new Address(null, new Item(null, 1)));
        assertEquals(List.of(
                new Violation("/email", "email", "must be a valid email address"),
                new Violation("/items", "length", "length must be at least 1"),
                new Violation("/extras/1/qty", "range", "must be between 1 and 10"),
                new Violation("/gifts/1/qty", "range", "must be between 1 and 10"),
                new Violation("/byKey/a~1b~0c/name", "required", "must not be blank"),
                new Violation("/address/city", "required", "must not be null"),
                new Violation("/address/label/name", "required", "must not be null")),
                Schema.of(Order.class).violations(o));
    }

    @Test
    void runtimeTypesBehindObjectAndNestedListsAreWalked() {
        Holder h = new Holder(new Item("x", 0), List.of(List.of(), List.of(new Item("y", 1), new Item(null, 1))));
        assertEquals(List.of(new Violation("/anything/qty", "range", "must be between 1 and 10"),
                new Violation("/grid/1/1/name", "required", "must not be null")),
                Schema.of(Holder.class).violations(h));
    }

    @Test
    void genericAndInterfaceTypedMembersAreWalkedByRuntimeClass() {
        assertEquals(List.of(new Violation("/value/qty", "range", "must be between 1 and 10")),
                Schema.of(Box.class).violations(new Box<>(new Item("x", 0))));
        Drawing d = new Drawing(new Circle(0), Map.of("top", List.of(new Circle(2), new Circle(-1))));
        assertEquals(List.of(new Violation("/main/radius", "range", "must be at least 1"),
                new Violation("/layers/top/1/radius", "range", "must be at least 1")),
                Schema.of(Drawing.class).violations(d));
    }

    @Test
    void aValidRootOfAJdkTypeOrContainerWorks() {
        @SuppressWarnings("unchecked")
        Schema<List<Item>> list = (Schema<List<Item>>) (Schema<?>) Schema.of(List.class);
        assertEquals(List.of(new Violation("/1/name", "required", "must not be null")),
                list.violations(List.of(new Item("a", 1), new Item(null, 1))));
        assertEquals(List.of(), Schema.of(String.class).violations("anything"));
    }

    record Misused(@Length(max = 1) Integer n) {
    }

    class Inner { // not static: has a synthetic field for the outer instance, which is skipped
        @Required String name;
    }

    @Test
    void misuseOnlyReachableAtRuntimeFailsWhenMet() {
        Schema<Holder> schema = Schema.of(Holder.class);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> schema.violations(new Holder(new Misused(1), List.of())));
        assertEquals("@Length on " + Misused.class.getName()
                + ".n needs a CharSequence, Collection, Map or array, not java.lang.Integer", e.getMessage());
    }

    @Test
    void innerClassesAreCheckedByTheirOwnFields() {
        assertEquals(List.of(new Violation("/name", "required", "must not be null")),
                Schema.of(Inner.class).violations(new Inner()));
    }

    @Test
    void violationListsAreUnmodifiable() {
        List<Violation> got = Schema.of(Order.class).violations(order(List.of()));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, got::clear);
    }

    @Test
    void inheritedFieldsComeFirst() {
        Derived d = new Derived();
        d.base = 2;
        assertEquals(List.of(new Violation("/base", "range", "must be between 0 and 1"),
                new Violation("/own", "required", "must not be null")), Schema.of(Derived.class).violations(d));
    }

    @Test
    void cyclesAreVisitedOnce() {
        Node a = new Node("a");
        Node b = new Node(null);
        a.next = b;
        b.next = a;
        a.children.add(a);
        b.children.add(b);
        List<Violation> got = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Schema.of(Node.class).violations(a));
        assertEquals(List.of(new Violation("/next/name", "required", "must not be null")), got);
        Node self = new Node("s");
        self.next = self;
        assertEquals(List.of(), Schema.of(Node.class).violations(self));
    }

    @Test
    void sharedButAcyclicObjectsAreReportedAtEachPath() {
        Item bad = new Item("x", 0);
        List<Violation> got = Schema.of(Order.class).violations(order(List.of(bad, bad)));
        assertEquals(List.of("/items/0/qty", "/items/1/qty"), got.stream().map(Violation::pointer).toList());
    }

    @Test
    void deepChainsBeyondTheFastPassDepthStillWork() {
        Node head = new Node("0");
        Node n = head;
        for (int i = 1; i < 200; i++) {
            n.next = new Node(String.valueOf(i));
            n = n.next;
        }
        assertEquals(List.of(), Schema.of(Node.class).violations(head));
        n.name = null;
        List<Violation> got = Schema.of(Node.class).violations(head);
        assertEquals(1, got.size());
        assertEquals("/next".repeat(199) + "/name", got.getFirst().pointer());
    }

    @Test
    void largeListsAreValidated() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(new Item("i" + i, 1 + i % 10));
        }
        assertEquals(List.of(), Schema.of(Order.class).violations(order(items)));
        items.set(9_999, new Item("last", 0));
        assertEquals("/items/9999/qty", Schema.of(Order.class).violations(order(items)).getFirst().pointer());
    }
}
