package coop.cooperative.app.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.TypedId;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.UUID;

/**
 * How the domain's value types look in JSON. Every {@link TypedId} is its bare UUID string, so
 * events and answers say {@code "memberId": "…"} rather than {@code {"value": "…"}}; {@link Money}
 * is its amount and currency only, not its {@code isZero()}-style predicates.
 */
public final class DomainJsonModule extends SimpleModule {

    public DomainJsonModule() {
        super("domain-types");
        setMixInAnnotation(Money.class, MoneyComponentsOnly.class);
        addSerializer(TypedId.class, new StdSerializer<>(TypedId.class) {
            @Override
            public void serialize(TypedId id, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(id.value().toString());
            }
        });
        setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                if (TypedId.class.isAssignableFrom(type.getRawClass())) {
                    return new TypedIdDeserializer(type.getRawClass());
                }
                return null;
            }
        });
    }

    @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    private interface MoneyComponentsOnly {
    }

    private static final class TypedIdDeserializer extends StdScalarDeserializer<Object> {

        private final Constructor<?> constructor;

        private TypedIdDeserializer(Class<?> type) {
            super(type);
            try {
                this.constructor = type.getConstructor(UUID.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " must have a constructor taking a UUID", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null || !isCanonicalUuid(text)) {
                return context.handleWeirdStringValue(handledType(), text, "not an id (a UUID)");
            }
            try {
                return constructor.newInstance(UUID.fromString(text));
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot create " + handledType(), e);
            }
        }

        /**
         * 8-4-4-4-12 hex digits, nothing else: {@link UUID#fromString} alone also takes shortened
         * groups such as {@code 1-2-3-4-5}. Checked by hand, not by a regex, because every stored
         * event holds a dozen ids and a rebuild reads each of them once per view.
         */
        private static boolean isCanonicalUuid(String text) {
            if (text.length() != 36) {
                return false;
            }
            for (int i = 0; i < 36; i++) {
                char c = text.charAt(i);
                boolean valid = i == 8 || i == 13 || i == 18 || i == 23
                        ? c == '-'
                        : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!valid) {
                    return false;
                }
            }
            return true;
        }
    }
}
