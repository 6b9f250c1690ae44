package io.sessionledger.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How far Kafka is behind the store. {@value #TIMER}: per event, from its timestamp (taken as its command ran,
 * just before the commit) to Kafka's acknowledgement. {@value #GAUGE}: stored events the publisher has not
 * reached yet, read from its token when scraped (NaN when the database does not answer).
 */
@Component
public class PublicationLag {

    public static final String TIMER = "ledger.publication.lag";
    public static final String GAUGE = "ledger.publication.lag.events";

    private final Timer lag;

    public PublicationLag(MeterRegistry meters, StorePosition store) {
        this.lag = Timer.builder(TIMER).description("from an event's commit to Kafka's acknowledgement")
                .publishPercentileHistogram().register(meters);
        Gauge.builder(GAUGE, store, PublicationLag::eventsBehind)
                .description("stored events not yet acknowledged by Kafka").register(meters);
    }

    public void acknowledged(Instant committedAt) {
        Duration since = Duration.between(committedAt, Instant.now());
        lag.record(since.isNegative() ? Duration.ZERO : since);
    }

    private static double eventsBehind(StorePosition store) {
        try {
            return store.eventsBehind();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
