package dev.aurora.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aurora.JsonConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.internal.json.BodyValidation;
import dev.aurora.internal.json.HttpJson;
import dev.aurora.schema.Email;
import dev.aurora.schema.Length;
import dev.aurora.schema.OneOf;
import dev.aurora.schema.Pattern;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * JSON body binding with schema validation, as {@code ctx.bodyAs(type)} does it (read with the
 * application's codec, then {@link BodyValidation}), on arbitrary bytes. The result is a value
 * that satisfies every constraint of its type, or a {@link BadRequestException} (malformed JSON,
 * a type mismatch, a parser limit, a {@code ValidationException}) or a
 * {@link PayloadTooLargeException}; nothing else.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JsonBindingFuzzTest {
    /** The defaults: unknown fields refused, Jackson limits as shipped. */
    private static final HttpJson STRICT = HttpJson.of(JsonConfig.defaults());
    /** Unknown fields ignored, and limits small enough for short inputs to reach. */
    private static final HttpJson SMALL = HttpJson.of(JsonConfig.defaults()
            .withFailOnUnknownProperties(false)
            .withMaxNestingDepth(8)
            .withMaxNumberLength(12)
            .withMaxStringLength(64)
            .withMaxNameLength(16)
            .withMaxTokenCount(200)
            .withMaxDocumentLength(2048));
    private static final Set<String> SHIPPING = Set.of("standard", "express");
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z]{2}-\\d{1,4}");

    public record Item(@Required @Length(min = 1, max = 20) String sku, @Range(min = 1, max = 10) int qty) {
    }

    public record Order(
            @Required @Length(min = 1, max = 40) String customer,
            @Email String email,
            @Range(min = 1, max = 99) Integer quantity,
            @OneOf({"standard", "express"}) String shipping,
            @Pattern("[A-Z]{2}-\\d{1,4}") String code,
            @Range(min = 0, max = 1000) Double weight,
            @Length(max = 5) List<Item> items,
            Map<String, Item> extras,
            Object meta) {

        public Order {
            // A constructor that refuses a value is part of binding too.
            if ("refused".equals(customer)) {
                throw new IllegalArgumentException("customer refused");
            }
        }
    }

    @FuzzTest
    void bindOrder(FuzzedDataProvider data) {
        HttpJson codec = data.consumeBoolean() ? STRICT : SMALL;
        byte[] body = data.consumeRemainingAsBytes();
        Order order;
        try {
            order = BodyValidation.validated(codec.<Order>read(body, Order.class));
        } catch (BadRequestException | PayloadTooLargeException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "refusal without a message");
            return;
        }
        if (order == null) {
            return; // JSON null: Validated.body turns it into a "required" violation
        }
        assertTrue(order.customer() != null && !order.customer().isBlank()
                && order.customer().length() <= 40, "customer");
        assertTrue(order.email() == null || order.email().indexOf('@') > 0, "email");
        assertTrue(order.quantity() == null || order.quantity() >= 1 && order.quantity() <= 99, "quantity");
        assertTrue(order.shipping() == null || SHIPPING.contains(order.shipping()), "shipping");
        assertTrue(order.code() == null || CODE.matcher(order.code()).matches(), "code");
        assertTrue(order.weight() == null || order.weight() >= 0 && order.weight() <= 1000, "weight");
        assertTrue(order.items() == null || order.items().size() <= 5, "items");
        if (order.items() != null) {
            order.items().forEach(JsonBindingFuzzTest::checkItem);
        }
        if (order.extras() != null) {
            order.extras().values().forEach(JsonBindingFuzzTest::checkItem);
        }
    }

    private static void checkItem(Item item) {
        // Elements of a list or map may be JSON null; a present one must be valid.
        if (item != null) {
            assertTrue(item.sku() != null && !item.sku().isBlank() && item.sku().length() <= 20, "sku");
            assertTrue(item.qty() >= 1 && item.qty() <= 10, "qty");
        }
    }
}
