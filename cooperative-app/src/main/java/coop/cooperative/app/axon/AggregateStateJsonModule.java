package coop.cooperative.app.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import coop.cooperative.core.shared.TypedId;

import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Lets the stored-format mapper write and read the state of the snapshotted aggregates (their
 * fields, including those of their nested state classes), so a snapshot is exactly the state that
 * sourcing the events would build. Only these classes are affected: events keep their format.
 * Typed ids may also be map keys (a cooperative's members by id).
 */
final class AggregateStateJsonModule extends SimpleModule {

    private static final JsonAutoDetect.Value FIELDS_ONLY = JsonAutoDetect.Value.construct(
            Visibility.ANY, Visibility.NONE, Visibility.NONE, Visibility.NONE, Visibility.ANY);

    private final List<Class<?>> aggregates;

    AggregateStateJsonModule(List<Class<?>> aggregates) {
        super("aggregate-state");
        this.aggregates = aggregates;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        Deque<Class<?>> types = new ArrayDeque<>(aggregates);
        while (!types.isEmpty()) {
            Class<?> type = types.pop();
            if (!type.isRecord()) {
                context.configOverride(type).setVisibility(FIELDS_ONLY);
            }
            types.addAll(List.of(type.getDeclaredClasses()));
        }
        context.addKeyDeserializers(new TypedIdKeys());
    }

    private static final class TypedIdKeys implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription bean) {
            if (!TypedId.class.isAssignableFrom(type.getRawClass())) {
                return null;
            }
            try {
                Constructor<?> constructor = type.getRawClass().getConstructor(UUID.class);
                return new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, com.fasterxml.jackson.databind.DeserializationContext context)
                            throws java.io.IOException {
                        try {
                            return constructor.newInstance(UUID.fromString(key));
                        } catch (ReflectiveOperationException | IllegalArgumentException e) {
                            return context.handleWeirdKey(type.getRawClass(), key, "not an id (a UUID)");
                        }
                    }
                };
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " must have a constructor taking a UUID", e);
            }
        }
    }
}
