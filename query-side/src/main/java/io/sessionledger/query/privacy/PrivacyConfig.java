package io.sessionledger.query.privacy;

import io.sessionledger.query.commandside.CommandSideInstances;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the projection opens sealed personal data (docs/decisions.md, "Personal data and erasure"). */
@Configuration
public class PrivacyConfig {

    @Bean
    public PersonalDataKeys personalDataKeys(CommandSideInstances commandSide, @Value("${ledger.admin-key:}") String adminKey,
                                             @Value("${ledger.personal-data.key-cache:100000}") int capacity) {
        return new PersonalDataKeys(commandSide, adminKey, capacity);
    }
}
