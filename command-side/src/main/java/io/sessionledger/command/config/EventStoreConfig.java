package io.sessionledger.command.config;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's embedded event store as its autoconfiguration builds it, except how soon it looks for events it did not
 * commit itself ({@code ledger.consistency.store-poll-interval}, 50 ms; Axon's default is 1 s). Its own commits
 * reach its readers at once; another command-side instance's are found only by this poll, and the publisher
 * reads through it: a write on an instance that does not publish would otherwise wait up to a second.
 */
@Configuration
public class EventStoreConfig {

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         LedgerProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.consistency().storePollInterval().toMillis())
                .build();
    }
}
