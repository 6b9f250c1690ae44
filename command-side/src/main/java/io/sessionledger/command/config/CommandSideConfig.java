package io.sessionledger.command.config;

import io.sessionledger.command.publishing.KafkaPublisher;
import io.sessionledger.command.handling.RecentSessions;
import io.sessionledger.command.handling.StoreCheckedRepository;
import io.sessionledger.command.session.Session;
import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
public class CommandSideConfig {

    static {
        // Event times in milliseconds, as JSON, the read stores and every API show them: a write's answer
        // and a later read of the same session then agree to the digit.
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    private static final List<String> PROPAGATED = List.of(LedgerMetadata.TENANT_ID, LedgerMetadata.API_KEY_ID,
            LedgerMetadata.DIALECT, LedgerMetadata.REQUEST_ID, LedgerMetadata.CORRELATION_ID);

    /**
     * Sessions seen lately stay in memory ({@code ledger.commands.session-cache}, 0 turns it off): an
     * association or a get-or-create on a recent session then does not read its events again, once the store
     * has confirmed that no one appended since ({@link StoreCheckedRepository}).
     */
    @Bean
    public Repository<Session> sessionRepository(EventStore eventStore,
                                                 @Value("${ledger.commands.session-cache:10000}") int cached) {
        EventSourcingRepository.Builder<Session> repository = EventSourcingRepository.builder(Session.class)
                .eventStore(eventStore);
        if (cached <= 0) {
            return repository.build();
        }
        RecentSessions recent = new RecentSessions(cached);
        return new StoreCheckedRepository<>(repository.cache(recent), recent, eventStore);
    }

    /**
     * Every event carries who wrote it, through which API and in which request; its causation is the
     * command. Replaces Axon's default origin provider so that our correlation id is the request's.
     */
    @Bean
    public CorrelationDataProvider ledgerMetadata() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            for (String key : PROPAGATED) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
            data.put(LedgerMetadata.CAUSATION_ID, message.getIdentifier());
            return data;
        };
    }

    /** A publisher failure must stop the batch (and keep the token), never be logged and skipped. */
    @Bean
    public ConfigurerModule publisherErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    public CloudEventCodec cloudEventCodec() {
        return new CloudEventCodec();
    }
}
