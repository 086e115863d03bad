package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.json.JacksonCodec;
import org.junit.jupiter.api.Test;

class AppJsonCodecTest {
    @Test
    void theDefaultConfigurationUsesTheSharedCodec() {
        assertSame(JacksonCodec.defaults(), Aurora.create().jsonCodec());
    }

    @Test
    void aConfiguredCodecIsBuiltOnceAndKept() {
        Aurora app = Aurora.create().json(JsonConfig.defaults().withFailOnUnknownProperties(false));
        assertSame(app.jsonCodec(), app.jsonCodec());
    }

    @Test
    void anotherConfigurationGetsACodecOfItsOwn() {
        Aurora app = Aurora.create().json(JsonConfig.defaults().withFailOnUnknownProperties(false));
        var lenient = app.jsonCodec();
        app.json(JsonConfig.defaults().withMaxStringLength(10));
        assertNotSame(lenient, app.jsonCodec());
        byte[] extra = "{\"a\":1,\"b\":2}".getBytes();
        assertEquals(new A(1), lenient.read(extra, A.class));
        assertThrows(RuntimeException.class, () -> app.jsonCodec().read(extra, A.class));
    }

    record A(int a) {
    }
}
