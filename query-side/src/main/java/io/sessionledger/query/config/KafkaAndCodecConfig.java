package io.sessionledger.query.config;

import io.sessionledger.events.cloudevents.CloudEventCodec;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class KafkaAndCodecConfig {

    @Bean
    public CloudEventCodec cloudEventCodec() {
        return new CloudEventCodec();
    }

    /** For the read barrier's end-offset requests; it connects lazily, so startup does not wait for the broker. */
    @Bean(destroyMethod = "close")
    public Admin kafkaAdmin(LedgerProperties ledger) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.kafkaBootstrap(),
                AdminClientConfig.CLIENT_ID_CONFIG, "query-side-barrier",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }
}
