package dev.aurora.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aurora.benchmarks.SchemaModel.Batch;
import dev.aurora.benchmarks.SchemaModel.Node;
import dev.aurora.benchmarks.SchemaModel.Order;
import dev.aurora.json.JacksonCodec;
import dev.aurora.schema.Schema;
import dev.aurora.schema.ValidationException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code ctx.bodyAs(type)} does to a request body, without HTTP: {@link JacksonCodec#read} with
 * the default codec (Jackson, Aurora's read limits and recycler pool), then {@link Schema#validate}.
 * The types are in {@link SchemaModel}; the JSON documents are those types serialized by the same
 * mapper.
 *
 * <ul>
 *   <li>{@link #parseOrder} / {@link #bindOrder}: one small order (six members), read / read and
 *       validated.</li>
 *   <li>{@link #parse10000Orders} / {@link #bind10000Orders}: 10,000 different order documents; one
 *       operation = all 10,000.</li>
 *   <li>{@link #bindDeep20}: a document nested 20 levels deep.</li>
 *   <li>{@link #bindBatch10000}: a document with an array of 10,000 objects (328 KB).</li>
 * </ul>
 *
 * <p>The setup checks that every document binds to the value it was written from and validates,
 * and that the invalid deep and large documents fail with the expected pointer.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh JsonBinding -prof gc
 * </pre>
 */
public class JsonBindingBenchmark extends ValidationBenchmarkDefaults {
    private final JacksonCodec codec = JacksonCodec.defaults();
    private final Schema<Order> orderSchema = Schema.of(Order.class);
    private final Schema<Node> nodeSchema = Schema.of(Node.class);
    private final Schema<Batch> batchSchema = Schema.of(Batch.class);
    private byte[] orderJson;
    private byte[][] ordersJson;
    private byte[] chainJson;
    private byte[] batchJson;

    @Setup(Level.Trial)
    public void setUp() throws JsonProcessingException {
        Order[] orders = SchemaModel.orders();
        ordersJson = new byte[orders.length][];
        for (int i = 0; i < orders.length; i++) {
            ordersJson[i] = json(orders[i]);
            expectBound(codec.read(ordersJson[i], Order.class), orders[i]);
        }
        orderJson = ordersJson[1];
        chainJson = json(SchemaModel.chain(true));
        batchJson = json(SchemaModel.batch(true));
        expectBound(bindOrder(), orders[1]);
        expectBound(bindDeep20(), SchemaModel.chain(true));
        expectBound(bindBatch10000(), SchemaModel.batch(true));
        expectInvalid(json(SchemaModel.chain(false)), Node.class, SchemaModel.chainPointer(), "required");
        expectInvalid(json(SchemaModel.batch(false)), Batch.class, SchemaModel.batchPointer(), "range");
    }

    private byte[] json(Object value) throws JsonProcessingException {
        return codec.mapper().writeValueAsBytes(value);
    }

    private static void expectBound(Object got, Object expected) {
        if (!got.equals(expected)) {
            throw new IllegalStateException("bound " + got + ", expected " + expected);
        }
    }

    private <T> void expectInvalid(byte[] json, Class<T> type, String pointer, String code) {
        try {
            Schema.of(type).validate(codec.read(json, type));
        } catch (ValidationException e) {
            SchemaModel.expectOne(e.violations(), pointer, code, type.getSimpleName());
            return;
        }
        throw new IllegalStateException(type.getSimpleName() + ": expected a violation at " + pointer);
    }

    @Benchmark
    public Order parseOrder() {
        return codec.read(orderJson, Order.class);
    }

    @Benchmark
    public Order bindOrder() {
        return orderSchema.validate(codec.read(orderJson, Order.class));
    }

    /** One operation reads all 10,000 documents. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void parse10000Orders(Blackhole bh) {
        for (byte[] json : ordersJson) {
            bh.consume(codec.read(json, Order.class));
        }
    }

    /** One operation reads and validates all 10,000 documents. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void bind10000Orders(Blackhole bh) {
        for (byte[] json : ordersJson) {
            bh.consume(orderSchema.validate(codec.read(json, Order.class)));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Node bindDeep20() {
        return nodeSchema.validate(codec.read(chainJson, Node.class));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Batch bindBatch10000() {
        return batchSchema.validate(codec.read(batchJson, Batch.class));
    }
}
