package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

public record AssignmentId(UUID value) implements TypedId {

    public AssignmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AssignmentId random() {
        return new AssignmentId(UUID.randomUUID());
    }

    public static AssignmentId of(String value) {
        return new AssignmentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
