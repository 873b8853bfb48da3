package dev.mocks3.events.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One {@link EventPublisher} and one {@link EventDelivery} for the application: the HTTP sender
 * when a sink is configured (mocks3.events.sink or K_SINK), otherwise the in-process bus feeding
 * the local subscribers and Triggers (the configured ones and one per notification destination).
 * The in-process bus always exists so local subscribers can also be fed by the CloudEvents endpoints.
 * The events module's auto-configuration.
 */
@AutoConfiguration
@EnableConfigurationProperties({EventsProperties.class, NotificationsProperties.class})
public class EventDeliveryConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EventDeliveryConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    InProcessEventBus inProcessEventBus(ObjectProvider<EventSubscriber> subscribers, EventsProperties events,
                                        NotificationsProperties notifications) {
        List<Trigger> triggers = new ArrayList<>(events.configuredTriggers());
        triggers.addAll(notifications.destinationTriggers());
        triggers.forEach(t -> log.info("local Trigger {}: {} -> {}", t.name(), t.filter(), t.subscriber()));
        return new InProcessEventBus(() -> subscribers.orderedStream().toList(), triggers, events.timeout());
    }

    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "eventPublisher")
    EventPublisher eventPublisher(EventsProperties properties, InProcessEventBus bus) {
        URI sink = properties.effectiveSink();
        if (sink == null) {
            log.info("CloudEvents are delivered in-process (set mocks3.events.sink or K_SINK to send them out)");
            return bus;
        }
        log.info("CloudEvents are sent to {} in binary mode", sink);
        return new HttpEventSender(sink, properties.timeout());
    }

    @Bean
    @ConditionalOnMissingBean
    EventDelivery eventDelivery(EventsProperties properties, InProcessEventBus bus) {
        URI sink = properties.effectiveSink();
        return sink == null ? bus : new HttpEventSender(sink, properties.timeout())::publish;
    }
}
