package dev.aurora.benchmarks;

import dev.aurora.schema.Email;
import dev.aurora.schema.Length;
import dev.aurora.schema.OneOf;
import dev.aurora.schema.Pattern;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import dev.aurora.schema.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The annotated types and the values that {@link SchemaBenchmark}, {@link SchemaConcurrencyBenchmark}
 * and {@link JsonBindingBenchmark} validate and bind, with the checks their setups run before
 * measuring. The types are public so that Jackson binds them as an application's would.
 */
public final class SchemaModel {
    /** Objects per operation of the "10,000 objects" benchmarks. */
    public static final int BATCH = 10_000;
    /** Levels of {@link Node} in the deep benchmarks. */
    public static final int DEPTH = 20;

    private SchemaModel() {
    }

    /** A small order: six annotated members, every annotation once or more. */
    public record Order(@Required @Length(min = 1, max = 40) String customer,
            @Email String contact,
            @OneOf({"standard", "express"}) String shipping,
            @Required @Length(min = 3, max = 20) String sku,
            @Range(min = 1, max = 99) int quantity,
            @Pattern("[A-Z]{4}-[0-9]{4}") String coupon) {
    }

    /** One line of a {@link Cart} or a {@link Batch}. */
    public record Line(@Required @Length(min = 3, max = 20) String sku, @Range(min = 1, max = 99) int quantity) {
    }

    /** A nested record of a {@link Cart}. */
    public record Address(@Required @Length(max = 80) String street, @Required @Length(max = 40) String city,
            @OneOf({"DE", "FR", "NL"}) String country) {
    }

    /** A nested object: a record and a list of records inside a record. */
    public record Cart(@Required @Length(min = 1, max = 40) String customer, @Required Address address,
            @Length(min = 1, max = 50) List<Line> lines) {
    }

    /** One level of a chain: {@code child} is the next level, null at the bottom. */
    public record Node(@Required @Length(max = 10) String name, @Range(min = 0, max = 100) int level, Node child) {
    }

    /** A large array: up to 10,000 lines. */
    public record Batch(@Required String id, @Length(min = 1, max = BATCH) List<Line> items) {
    }

    /** Order {@code i} of a batch: valid, every order different; with a coupon (so {@code @Pattern} runs) or not. */
    public static Order order(int i, boolean coupon) {
        return new Order("customer-" + i, "c" + i + "@example.com", i % 2 == 0 ? "standard" : "express",
                "SKU-" + i % 1000, 1 + i % 99, coupon ? "SAVE-%04d".formatted(i % 10_000) : null);
    }

    /** {@link #BATCH} different valid orders with coupons. */
    public static Order[] orders() {
        Order[] orders = new Order[BATCH];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = order(i, true);
        }
        return orders;
    }

    /** A valid cart of three lines (in an {@link ArrayList}, as Jackson binds a list); line 2 out of range if not. */
    public static Cart cart(boolean valid) {
        List<Line> lines = new ArrayList<>(List.of(new Line("SKU-1", 1), new Line("SKU-2", 5),
                new Line("SKU-3", valid ? 9 : 100)));
        return new Cart("alice", new Address("Main Street 1", "Utrecht", "NL"), lines);
    }

    /** {@link #DEPTH} levels; the bottom one's name blank if not valid. */
    public static Node chain(boolean valid) {
        Node node = new Node(valid ? "leaf" : " ", DEPTH - 1, null);
        for (int level = DEPTH - 2; level >= 0; level--) {
            node = new Node("n" + level, level, node);
        }
        return node;
    }

    /** Where the invalid {@link #chain(boolean)} fails. */
    public static String chainPointer() {
        return "/child".repeat(DEPTH - 1) + "/name";
    }

    /** {@link #BATCH} lines; the last one's quantity 0 if not valid. */
    public static Batch batch(boolean valid) {
        List<Line> items = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            items.add(new Line("SKU-" + i, valid || i < BATCH - 1 ? 1 + i % 99 : 0));
        }
        return new Batch("batch-1", items);
    }

    /** Where the invalid {@link #batch(boolean)} fails. */
    public static String batchPointer() {
        return "/items/" + (BATCH - 1) + "/quantity";
    }

    /** Throws unless {@code got} is exactly one violation with this pointer and code. */
    public static void expectOne(List<Violation> got, String pointer, String code, String what) {
        if (got.size() != 1 || !got.getFirst().pointer().equals(pointer) || !got.getFirst().code().equals(code)) {
            throw new IllegalStateException(what + ": expected one " + code + " at " + pointer + ", got " + got);
        }
    }

    /** Throws unless {@code got} is empty. */
    public static void expectValid(List<Violation> got, String what) {
        if (!got.isEmpty()) {
            throw new IllegalStateException(what + ": expected valid, got " + got);
        }
    }
}
