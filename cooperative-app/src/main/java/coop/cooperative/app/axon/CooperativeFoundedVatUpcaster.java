package coop.cooperative.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.core.membership.api.CooperativeFounded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code CooperativeFounded} revision 1 becomes revision 2: a cooperative founded before the
 * policy {@code vatRegistered} existed was not VAT-registered, as far as the books knew.
 */
final class CooperativeFoundedVatUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(CooperativeFounded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(CooperativeFounded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            JsonNode policies = payload.path("policies");
            if (policies instanceof ObjectNode object && !object.has("vatRegistered")) {
                object.put("vatRegistered", false);
            }
            return payload;
        });
    }
}
