package coop.cooperative.app.axon;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.stereotype.Component;

/**
 * How older revisions of stored events are read as today's. An event that changes shape gets a
 * new {@code @Revision} and an upcaster from the previous one here, in the order of revisions.
 */
@Component
class EventUpcasters implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.registerEventUpcaster(config -> new CostSharedVatUpcaster());
        configurer.registerEventUpcaster(config -> new CostSharedInputVatUpcaster());
        configurer.registerEventUpcaster(config -> new CostSharedThresholdUpcaster());
        configurer.registerEventUpcaster(config -> new CooperativeFoundedVatUpcaster());
    }
}
