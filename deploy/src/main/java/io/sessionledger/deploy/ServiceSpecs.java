package io.sessionledger.deploy;

import io.sessionledger.deploy.services.ServiceSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The two services of the local system and the environment each one gets. */
final class ServiceSpecs {

    private ServiceSpecs() {
    }

    static List<ServiceSpec> of(LocalSystemConfig config) {
        return List.of(
                spec(config, "command-side", config.commandJar(), config.commandPort()),
                spec(config, "query-side", config.queryJar(), config.queryPort()));
    }

    private static ServiceSpec spec(LocalSystemConfig config, String name, java.nio.file.Path jar, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        // Only the edge is meant to be reached; the services (and their /internal API) stay on loopback.
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("LEDGER_KAFKA_BOOTSTRAP", config.kafkaBootstrap());
        env.put("LEDGER_TOPIC", config.topic());
        env.put("LEDGER_DATA_DIR", config.dataDir().toString());
        env.put("LEDGER_ADMIN_KEY", config.adminKey());
        env.put("LEDGER_COMMAND_URL", config.commandUrl());
        env.put("LEDGER_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        // Null removes an inherited value: the config alone decides between PostgreSQL and H2.
        env.put("LEDGER_DB_URL", config.dbUrl());
        env.put("LEDGER_DB_USER", config.dbUser());
        env.put("LEDGER_DB_PASSWORD", config.dbPassword());
        return new ServiceSpec(name, jar, port, env, config.logDir().resolve(name + ".log"), config.serviceJvm());
    }
}
