package coop.cooperative.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.core.costs.api.CostShared;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.math.BigDecimal;

/**
 * {@code CostShared} revision 1 becomes revision 2: a cost recorded before VAT was asked for
 * included no VAT we know of, so its {@code vat} is zero in the cost's own currency. The stored
 * event is never rewritten; it is upcast each time it is read (by aggregates and by replays).
 */
final class CostSharedVatUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CostShared.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CostShared.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            JsonNode amount = payload.path("amount");
            ObjectNode vat = ((ObjectNode) payload).putObject("vat");
            vat.put("amount", BigDecimal.ZERO);
            vat.set("currency", amount.path("currency"));
            return payload;
        });
    }
}
