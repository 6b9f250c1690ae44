package io.sessionledger.command.audit;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import io.sessionledger.command.privacy.SubjectKeys;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event storage engine Axon's JdbcAutoConfiguration would build (same serializers, upcasters, snapshot
 * filter, schema), with the hash chain and log written in the append's transaction (docs/decisions.md, "Audit").
 */
@Configuration
public class AuditConfig {

    @Bean
    public LastHashes lastHashes(@Value("${ledger.audit.last-hashes:100000}") int capacity) {
        return new LastHashes(capacity);
    }

    @Bean
    public ChainWriter chainWriter(JdbcTemplate jdbc, LastHashes lastHashes) {
        return new ChainWriter(jdbc, lastHashes);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 ChainWriter chainWriter, SubjectKeys subjectKeys,
                                                 ObjectProvider<AppendListener> appendListener) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(eventSchema);
        return new ChainingEventStorageEngine(builder, transactionManager, chainWriter, subjectKeys, appendListener);
    }
}
