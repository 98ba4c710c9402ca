package coop.cooperative.core.shared;

import java.util.Objects;
import java.util.UUID;

public record MemberId(UUID value) implements TypedId {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
