package io.sessionledger.command.log;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The transparency log's parts; settings under {@code ledger.log.*} (README, "Audit"). */
@Configuration
public class LogConfig {

    @Bean
    public LogStore logStore(JdbcTemplate jdbc) {
        return new LogStore(jdbc);
    }

    @Bean
    public TransparencyLog transparencyLog(JdbcTemplate jdbc, LogStore store,
                                           @Value("${ledger.log.origin:session-ledger.local/log}") String origin,
                                           @Value("${ledger.log.signing-key:}") String signingKey,
                                           @Value("${ledger.log.key-file:${LEDGER_DATA_DIR:./data}/command-side/log-signing-key}")
                                           String keyFile) {
        return new TransparencyLog(jdbc, store, LogKey.load(origin, signingKey, Path.of(keyFile)), origin);
    }
}
