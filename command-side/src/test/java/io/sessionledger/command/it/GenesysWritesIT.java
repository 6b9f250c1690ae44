package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on this machine's PostgreSQL and an in-process KRaft broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GenesysWritesIT extends GenesysWritesContract {

    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_it");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("ledger.kafka.bootstrap-servers", TestKafka::bootstrap);
        registry.add("ledger.admin-key", () -> ADMIN_KEY);
    }

    @Override
    String kafkaBootstrap() {
        return TestKafka.bootstrap();
    }
}
