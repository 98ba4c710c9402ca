package coop.cooperative.app.notifications;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifications' event processor: a pooled streaming processor like the projections'
 * (AxonMessagingConfiguration), except that it starts at the head of the event stream. Installed
 * on an existing installation, it mails about what happens from then on, never about its whole
 * history; and its handlers are not replayed ({@code @DisallowReplay}), so a replay mails nobody.
 * Its position is stored with the other processors' tokens, so a restart goes on where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsProcessor {

    static final String NAME = "notifications";

    @Bean
    ConfigurerModule notificationsStartAtTheHead() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(NAME,
                (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
