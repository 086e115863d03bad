package dev.aurora.jackson3;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.AccessPattern;

/**
 * Strict reading's rule for primitives, as the core's Jackson 2 codec has it: an explicit
 * {@code null} for an {@code int}, {@code boolean} and the like is refused, a member left out takes
 * its default (0, false), for records as for classes. A {@code Nulls.FAIL} override would refuse a
 * record component left out too (it decides what an absent creator parameter gets).
 */
final class StrictPrimitives {
    private StrictPrimitives() {
    }

    /** @return a module that wraps every primitive's deserializer */
    static JacksonModule module() {
        SimpleModule module = new SimpleModule("aurora-strict-primitives");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> handled = deserializer.handledType();
                return handled != null && handled.isPrimitive() ? new NullRefusing(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Jackson's own deserializer for the primitive, except for what null and absence give. */
    private static final class NullRefusing extends DelegatingDeserializer {
        NullRefusing(ValueDeserializer<?> primitive) {
            super(primitive);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new NullRefusing(delegate);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            throw InvalidNullException.from(ctxt, null, ctxt.constructType(handledType()));
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC; // never asked ahead of time: asking throws
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return _delegatee.getEmptyValue(ctxt);
        }
    }
}
