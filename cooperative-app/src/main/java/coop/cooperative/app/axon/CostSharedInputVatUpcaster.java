package coop.cooperative.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.core.costs.api.CostShared;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code CostShared} revision 2 becomes revision 3: a cost recorded before the VAT registration
 * policy was shared in full ({@code inputVat} false: its shares add up to the whole amount), and
 * who got its leftover cents was not recorded ({@code roundedUp} empty: it counts for nobody when
 * the next cost's leftover cents are handed out).
 */
final class CostSharedInputVatUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CostShared.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(CostShared.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.put("inputVat", false);
            event.putArray("roundedUp");
            return payload;
        });
    }
}
