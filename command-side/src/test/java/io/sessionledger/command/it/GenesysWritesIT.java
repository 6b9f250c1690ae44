package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on this machine's PostgreSQL and an in-process KRaft broker. */
class GenesysWritesIT extends GenesysWritesContract {

    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_it");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
    }

    @Override
    String kafkaBootstrap() {
        return TestKafka.bootstrap();
    }
}
