package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.command.CommandSideApplication;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-side instances, as two replicas behind the edge would be: each its own Spring context, port, caches,
 * lanes and publisher, both on ONE PostgreSQL database and one broker. Their names differ, so only one of them
 * holds the publisher's segment.
 */
final class TwoCommandSides implements AutoCloseable {

    /** One instance: its context, an HTTP client on its port. */
    record Instance(String name, ConfigurableApplicationContext context, Http http) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    static final String ADMIN_KEY = LocalInfrastructure.ADMIN_KEY;
    /** Both instances sign checkpoints with one key, as a multi-instance deployment must configure it. */
    private static final String SIGNING_SEED = Base64.getEncoder().encodeToString(new byte[32]);

    final TestPostgres database;
    final String topic;
    final Instance first;
    final Instance second;

    private TwoCommandSides(TestPostgres database, String topic, Instance first, Instance second) {
        this.database = database;
        this.topic = topic;
        this.first = first;
        this.second = second;
    }

    /** Starts both on a new database; {@code settings} apply to both. */
    static TwoCommandSides start(String name, Map<String, Object> settings) {
        TestPostgres database = TestPostgres.create("ledger_cmd_" + name);
        String topic = name + "-events";
        Instance first = instance(name + "-a", database, topic, settings);
        Instance second = instance(name + "-b", database, topic, settings);
        return new TwoCommandSides(database, topic, first, second);
    }

    private static Instance instance(String name, TestPostgres database, String topic, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", 0,
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "ledger.kafka.bootstrap-servers", TestKafka.bootstrap(),
                "ledger.kafka.topic", topic,
                "ledger.admin-key", ADMIN_KEY,
                "ledger.instance-id", name,
                "ledger.log.signing-key", SIGNING_SEED));
        properties.putAll(settings);
        // As arguments: they outrank application.yml, as the environment does for a real instance.
        String[] arguments = properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .run(arguments);
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return new Instance(name, context, new Http("http://127.0.0.1:" + port));
    }

    JdbcTemplate jdbc() {
        return first.bean(JdbcTemplate.class);
    }

    /** A tenant key, issued through the first instance (both read the one database). */
    String issueKey(String tenant) {
        Http.Response issued = first.http().send("POST", "/ledger/v1/api-keys",
                "{\"tenantId\":\"" + tenant + "\",\"name\":\"two instances\"}",
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json"));
        assertThat(issued.status()).isEqualTo(201);
        return issued.body().get("key").asText();
    }

    @Override
    public void close() {
        second.context().close();
        first.context().close();
        database.close();
    }
}
