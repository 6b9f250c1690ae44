package io.sessionledger.query.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ledger.*}: how the query side finds its peers. application.yml maps the LEDGER_* environment here. */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("127.0.0.1:9092") String kafkaBootstrap,
        @DefaultValue("session-events") String topic,
        @DefaultValue("http://127.0.0.1:8081") URI commandUrl) {
}
