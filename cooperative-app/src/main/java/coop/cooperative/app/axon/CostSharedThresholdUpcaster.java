package coop.cooperative.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.core.costs.api.CostShared;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code CostShared} revision 3 becomes revision 4: a cost shared before costs recorded the
 * threshold they are approved under has none ({@code secondApprovalAbove} null). What the policy was
 * that day is not in the event, so such a cost is approved by the policy of the day it is approved,
 * as it always was.
 */
final class CostSharedThresholdUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(CostShared.class.getName(), "3");
    private static final SimpleSerializedType REVISION_4 = new SimpleSerializedType(CostShared.class.getName(), "4");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_3.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_4, JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("secondApprovalAbove");
            return payload;
        });
    }
}
