package dev.aurora.internal.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;

/**
 * Strict reading's rule for primitives on Jackson 2: an explicit {@code null} for an {@code int},
 * {@code boolean} and the like is refused, a member left out takes its default (0, false), for
 * records as for classes, as on Jackson 3. Neither a {@code Nulls.FAIL} override nor
 * {@code FAIL_ON_NULL_FOR_PRIMITIVES} can say that: for a record's component (a creator
 * parameter) both refuse the missing value too.
 */
public final class StrictPrimitives {
    private StrictPrimitives() {
    }

    /** @return a module that wraps every primitive's deserializer */
    public static Module module() {
        SimpleModule module = new SimpleModule("aurora-strict-primitives");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                // The deserializer's own type: the description may be the wrapper's (int and Integer).
                Class<?> handled = deserializer.handledType();
                return handled != null && handled.isPrimitive() ? new NullRefusing(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Jackson's own deserializer for the primitive, except for what null and absence give. */
    private static final class NullRefusing extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        NullRefusing(JsonDeserializer<?> primitive) {
            super(primitive);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NullRefusing(delegate);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw InvalidNullException.from(ctxt, null, ctxt.constructType(handledType()));
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC; // never asked ahead of time: asking throws
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            return _delegatee.getEmptyValue(ctxt);
        }
    }
}
