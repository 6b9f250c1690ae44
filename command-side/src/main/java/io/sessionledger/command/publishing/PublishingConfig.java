package io.sessionledger.command.publishing;

import io.sessionledger.command.config.LedgerProperties;
import java.util.Locale;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two publication paths (docs/publishing.md): the write path's direct sends and the catch-up reader. */
@Configuration
public class PublishingConfig {

    /** Events per catch-up fetch: the JDBC engine's own batch size, so that one fetch is one query. */
    private static final int FETCH_SIZE = 100;

    /** The catch-up reader's source; the processor {@value KafkaPublisher#PROCESSING_GROUP} names it. */
    @Bean(name = "publisherSource", destroyMethod = "close")
    public CatchUpSource publisherSource(EventStorageEngine storageEngine, LedgerProperties properties) {
        return new CatchUpSource(storageEngine, properties.publishing().catchUpInterval(), FETCH_SIZE);
    }

    @Bean(destroyMethod = "close")
    public DirectPublisher directPublisher(SessionEventProducer producer, SessionEventRecords records,
                                           PublicationTracker tracker, PublicationLag lag, CatchUpSource catchUp,
                                           PublishedSessions publishedSessions, LedgerProperties properties) {
        LedgerProperties.Publishing publishing = properties.publishing();
        CrashPoints crashPoints = new CrashPoints(CrashPoints.Point.valueOf(
                publishing.crashPoint().trim().replace('-', '_').toUpperCase(Locale.ROOT)));
        return new DirectPublisher(producer, records, tracker, lag, catchUp, publishedSessions, crashPoints,
                publishing.direct());
    }
}
