package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a command side under test runs on: a database of its own on this machine's PostgreSQL, a real broker,
 * and the admin key the tests issue API keys with.
 */
final class LocalInfrastructure {

    static final String ADMIN_KEY = "test-admin-key";

    private LocalInfrastructure() {
    }

    /** On the JVM's one broker. */
    static void register(DynamicPropertyRegistry registry, String database) {
        register(registry, database, TestKafka::bootstrap);
    }

    static void register(DynamicPropertyRegistry registry, String database, Supplier<Object> kafkaBootstrap) {
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("ledger.kafka.bootstrap-servers", kafkaBootstrap);
        registry.add("ledger.admin-key", () -> ADMIN_KEY);
    }
}
