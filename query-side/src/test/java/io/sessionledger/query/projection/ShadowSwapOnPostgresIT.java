package io.sessionledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.query.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/** The swap on the local PostgreSQL: a rename in one transaction; the indexes keep their usual names. */
class ShadowSwapOnPostgresIT extends AbstractShadowSwapIT {

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected void afterSwaps(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'session_info'", String.class))
                .containsExactlyInAnyOrder("session_info_pkey", "session_info_visit", "session_info_kore_newest",
                        "session_info_kore_user", "session_info_kore_reference", "session_info_vectara_key");
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where tablename = 'session_info_shadow'",
                Long.class)).isZero();
    }
}
