package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.TypedId;

import java.util.Objects;
import java.util.UUID;

/** An invoice, or a credit note (which is a document of its own with its own number). */
public record InvoiceId(UUID value) implements TypedId {

    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    public static InvoiceId of(String value) {
        return new InvoiceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
