package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.TypedId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of a cooperative's risk pool. Each cooperative has one pool; its id is a
 * name-based (version 3) UUID of {@code "risk-pool:" + cooperativeId}, so it is found from the
 * cooperative without a lookup and never equals the cooperative's own id (two aggregates must not
 * share an identifier in the event store).
 */
public record RiskPoolId(UUID value) implements TypedId {

    public RiskPoolId {
        Objects.requireNonNull(value, "value");
    }

    public static RiskPoolId of(CooperativeId cooperativeId) {
        return new RiskPoolId(UUID.nameUUIDFromBytes(("risk-pool:" + cooperativeId).getBytes(StandardCharsets.UTF_8)));
    }

    public static RiskPoolId of(String value) {
        return new RiskPoolId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
