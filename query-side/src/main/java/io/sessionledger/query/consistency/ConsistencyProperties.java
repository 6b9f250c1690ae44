package io.sessionledger.query.consistency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ledger.consistency.*}: how long a read may wait for the projection to catch up before it is served stale. */
@ConfigurationProperties("ledger.consistency")
public record ConsistencyProperties(@DefaultValue("2s") Duration readTimeout) {
}
