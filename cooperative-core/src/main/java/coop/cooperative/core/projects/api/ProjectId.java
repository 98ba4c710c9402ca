package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

public record ProjectId(UUID value) implements TypedId {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    public static ProjectId of(String value) {
        return new ProjectId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
