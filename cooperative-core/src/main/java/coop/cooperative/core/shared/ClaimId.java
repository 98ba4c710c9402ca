package coop.cooperative.core.shared;

import java.util.Objects;
import java.util.UUID;

public record ClaimId(UUID value) implements TypedId {

    public ClaimId {
        Objects.requireNonNull(value, "value");
    }

    public static ClaimId random() {
        return new ClaimId(UUID.randomUUID());
    }

    public static ClaimId of(String value) {
        return new ClaimId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
