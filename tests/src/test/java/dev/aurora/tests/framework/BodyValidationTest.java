package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aurora.Aurora;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Post;
import dev.aurora.schema.Length;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ctx.bodyAs} and controller {@code @Body} parameters validate what they bind. */
@AuroraTest
class BodyValidationTest {

    public record Line(@Required String sku, @Range(min = 1, max = 99) int quantity) {
    }

    public record Order(@Required @Length(min = 1, max = 40) String customer, @Length(min = 1, max = 3) List<Line> lines) {
    }

    public static final class Orders {
        @Post("/controller/orders")
        public Order create(@Body Order order) {
            return order;
        }
    }

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .post("/orders", ctx -> ctx.status(201).json(ctx.bodyAs(Order.class)))
                .post("/batch", ctx -> {
                    List<Order> orders = ctx.bodyAs(new TypeReference<List<Order>>() { }.getType());
                    ctx.send(String.valueOf(orders.size()));
                })
                .post("/tree", ctx -> ctx.json(ctx.bodyAs(JsonNode.class)))
                .routes(new Orders());
    }

    private static List<Map<String, Object>> errors(TestResponse r) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.problem().extensions().get("errors");
        return errors;
    }

    @Test
    void aValidBodyIsBound(AuroraTestClient client) {
        Order order = new Order("ada", List.of(new Line("A-1", 2)));
        assertEquals(order, client.post("/orders").json(order).send().assertStatus(201).json(Order.class));
    }

    @Test
    void everyViolationIsReportedWithItsPointer(AuroraTestClient client) {
        TestResponse r = client.post("/orders")
                .body("{\"customer\":\" \",\"lines\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":null,\"quantity\":100}]}",
                        "application/json")
                .send()
                .assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json");

        assertEquals(List.of("/customer", "/lines/1/sku", "/lines/1/quantity"),
                errors(r).stream().map(e -> e.get("pointer")).toList(), r::describe);
        assertEquals(List.of("required", "required", "range"), errors(r).stream().map(e -> e.get("code")).toList());
    }

    @Test
    void elementsOfAGenericListAreValidated(AuroraTestClient client) {
        TestResponse r = client.post("/batch")
                .body("[{\"customer\":\"a\",\"lines\":[]},{\"customer\":\"b\",\"lines\":[{\"sku\":\"x\",\"quantity\":1}]}]",
                        "application/json")
                .send()
                .assertStatus(400);

        assertEquals(List.of("/0/lines"), errors(r).stream().map(e -> e.get("pointer")).toList(), r::describe);
        client.post("/batch").body("[{\"customer\":\"b\",\"lines\":[{\"sku\":\"x\",\"quantity\":1}]}]", "application/json")
                .send().assertStatus(200).assertBody("1");
    }

    @Test
    void controllerBodyParametersAreValidated(AuroraTestClient client) {
        TestResponse r = client.post("/controller/orders").body("{\"customer\":\"ada\",\"lines\":[]}", "application/json")
                .send().assertStatus(400);

        assertEquals("length", errors(r).get(0).get("code"), r::describe);
    }

    @Test
    void jsonTreesAreNotWalked(AuroraTestClient client) {
        client.post("/tree").body("{\"a\":[1,{\"b\":null}]}", "application/json").send()
                .assertStatus(200).assertJson("{\"a\":[1,{\"b\":null}]}");
    }
}
