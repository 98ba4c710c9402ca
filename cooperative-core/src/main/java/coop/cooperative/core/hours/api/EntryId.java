package coop.cooperative.core.hours.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

/** One hours entry in a member's timesheet. */
public record EntryId(UUID value) implements TypedId {

    public EntryId {
        Objects.requireNonNull(value, "value");
    }

    public static EntryId random() {
        return new EntryId(UUID.randomUUID());
    }

    public static EntryId of(String value) {
        return new EntryId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
