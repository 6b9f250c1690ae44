package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on a PostgreSQL container, where a Docker engine exists; skipped cleanly without one. */
@Testcontainers(disabledWithoutDocker = true)
class GenesysWritesContainerIT extends GenesysWritesContract {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15-alpine");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("ledger.kafka.bootstrap-servers", TestKafka::bootstrap);
        registry.add("ledger.admin-key", () -> ADMIN_KEY);
    }

    @Override
    String kafkaBootstrap() {
        return TestKafka.bootstrap();
    }
}
