package coop.cooperative.core.settlements.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

public record SettlementId(UUID value) implements TypedId {

    public SettlementId {
        Objects.requireNonNull(value, "value");
    }

    public static SettlementId random() {
        return new SettlementId(UUID.randomUUID());
    }

    public static SettlementId of(String value) {
        return new SettlementId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
