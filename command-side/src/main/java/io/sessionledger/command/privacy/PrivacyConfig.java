package io.sessionledger.command.privacy;

import io.sessionledger.events.personal.KeyedHash;
import java.nio.file.Path;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Crypto-shredding's parts (docs/decisions.md, "Personal data and erasure"); settings under {@code ledger.personal-data.*}. */
@Configuration
public class PrivacyConfig {

    @Bean
    public KeyedHash keyedHash(@Value("${ledger.personal-data.secret:}") String secret,
                               @Value("${ledger.personal-data.secret-file:${LEDGER_DATA_DIR:./data}/command-side/personal-data-secret}")
                               String secretFile) {
        return new KeyedHash(PersonalDataSecret.load(secret, Path.of(secretFile)));
    }

    @Bean
    public SubjectKeys subjectKeys(JdbcTemplate jdbc, @Value("${ledger.personal-data.key-cache:100000}") int capacity) {
        return new SubjectKeys(jdbc, capacity);
    }

    @Bean
    public LegacyPersonalData legacyPersonalData(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                 SubjectKeys keys, KeyedHash keyedHash) {
        return new LegacyPersonalData(jdbc, transactions, keys, keyedHash);
    }

    /** Replaces the event serializer Axon would build: the same Jackson serializer, sealing personal data. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer, SubjectKeys keys, KeyedHash keyedHash) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("events are stored as JSON: axon.serializer.general must be jackson");
        }
        return new PersonalDataSerializer(jackson, keys, keyedHash);
    }
}
