package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

public record CostId(UUID value) implements TypedId {

    public CostId {
        Objects.requireNonNull(value, "value");
    }

    public static CostId random() {
        return new CostId(UUID.randomUUID());
    }

    public static CostId of(String value) {
        return new CostId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
