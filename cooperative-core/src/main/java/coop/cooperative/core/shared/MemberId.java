package coop.cooperative.core.shared;

import java.util.Objects;
import java.util.UUID;

public record MemberId(UUID value) implements TypedId, Comparable<MemberId> {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    /** Members are ordered by their id as written, the stable order that breaks ties in allocations. */
    @Override
    public int compareTo(MemberId other) {
        return value.toString().compareTo(other.value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
