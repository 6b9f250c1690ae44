package io.sessionledger.command.it;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side a test calls over HTTP on a random port, and its event store; what it runs on is the
 * subclass's choice ({@link LocalInfrastructure} for most). Metrics are exported as in production (Spring's tests
 * turn them off by default), so every context is the same kind and {@code /actuator/prometheus} answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
abstract class RunningCommandSide {

    static final String ADMIN_KEY = LocalInfrastructure.ADMIN_KEY;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    /** Runs before the subclasses' own set-up, which may already call. */
    @BeforeEach
    void connect() {
        http = new Http("http://127.0.0.1:" + port);
    }

    /** How many events the store holds, of every session. */
    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
