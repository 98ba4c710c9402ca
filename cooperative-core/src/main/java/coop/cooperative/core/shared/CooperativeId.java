package coop.cooperative.core.shared;

import java.util.Objects;
import java.util.UUID;

public record CooperativeId(UUID value) implements TypedId {

    public CooperativeId {
        Objects.requireNonNull(value, "value");
    }

    public static CooperativeId random() {
        return new CooperativeId(UUID.randomUUID());
    }

    public static CooperativeId of(String value) {
        return new CooperativeId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
