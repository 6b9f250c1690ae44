package io.sessionledger.command.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's tables. A registration is an {@code insert ... on conflict do nothing}: the primary key
 * decides which of two concurrent PUTs created the entry, so both answer truthfully (201 once, 200 after).
 */
@Component
class RegistryStore {

    private final JdbcTemplate jdbc;

    RegistryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Registered<Agent> putAgent(String tenantId, String agentKey, String name) {
        Instant now = now();
        int inserted = jdbc.update("insert into registered_agent (tenant_id, agent_key, name, created_at) "
                + "values (?, ?, ?, ?) on conflict do nothing", tenantId, agentKey, name, Timestamp.from(now));
        if (inserted == 1) {
            return new Registered<>(new Agent(tenantId, agentKey, name, now), true);
        }
        jdbc.update("update registered_agent set name = ? where tenant_id = ? and agent_key = ?",
                name, tenantId, agentKey);
        return new Registered<>(agent(tenantId, agentKey).orElseThrow(), false);
    }

    Optional<Agent> agent(String tenantId, String agentKey) {
        return jdbc.query("select tenant_id, agent_key, name, created_at from registered_agent "
                        + "where tenant_id = ? and agent_key = ?",
                (rs, row) -> new Agent(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                tenantId, agentKey).stream().findFirst();
    }

    Registered<AppEnvironment> putAppEnvironment(String tenantId, String appId, String environment) {
        Instant now = now();
        int inserted = jdbc.update("insert into registered_app_environment (tenant_id, app_id, environment, "
                + "created_at) values (?, ?, ?, ?) on conflict do nothing",
                tenantId, appId, environment, Timestamp.from(now));
        if (inserted == 1) {
            return new Registered<>(new AppEnvironment(tenantId, appId, environment, now), true);
        }
        return new Registered<>(appEnvironment(tenantId, appId, environment).orElseThrow(), false);
    }

    Optional<AppEnvironment> appEnvironment(String tenantId, String appId, String environment) {
        return jdbc.query("select tenant_id, app_id, environment, created_at from registered_app_environment "
                        + "where tenant_id = ? and app_id = ? and environment = ?",
                (rs, row) -> new AppEnvironment(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                tenantId, appId, environment).stream().findFirst();
    }

    /** Milliseconds, as every other instant the ledger shows: a PUT's answer and a later GET agree. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
