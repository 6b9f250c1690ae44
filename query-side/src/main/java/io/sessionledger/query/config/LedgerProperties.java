package io.sessionledger.query.config;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code ledger.*}: how the query side finds its peers. application.yml maps the LEDGER_* environment here.
 *
 * @param commandUrls {@code ledger.command-url}: one command-side URL, or every instance's, comma-separated
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("127.0.0.1:9092") String kafkaBootstrap,
        @DefaultValue("session-events") String topic,
        @Name("command-url") @DefaultValue("http://127.0.0.1:8081") List<URI> commandUrls) {
}
