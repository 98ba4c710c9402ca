package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

public record RecurringCostId(UUID value) implements TypedId {

    public RecurringCostId {
        Objects.requireNonNull(value, "value");
    }

    public static RecurringCostId random() {
        return new RecurringCostId(UUID.randomUUID());
    }

    public static RecurringCostId of(String value) {
        return new RecurringCostId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
