package io.sessionledger.benchmark.createpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DbCountersTest {

    @Test
    void aWindowIsTheDifferenceOfItsTwoReadingsDividedByTheCreatesAcknowledged() {
        DbCounters before = new DbCounters(1_000, 3, 5_000, 700, 10, 9_000, 20_000, 40_000L);
        DbCounters after = new DbCounters(2_690, 3, 9_000, 1_100, 10, 13_000, 30_000, 45_000L);

        DbCounters.PerCreate perCreate = after.since(before).per(1_000);

        assertThat(perCreate.creates()).isEqualTo(1_000);
        assertThat(perCreate.commits()).isCloseTo(1.69, within(1e-9));
        assertThat(perCreate.rollbacks()).isZero();
        assertThat(perCreate.inserted()).isCloseTo(4.0, within(1e-9));
        assertThat(perCreate.updated()).isCloseTo(0.4, within(1e-9));
        assertThat(perCreate.fetched()).isCloseTo(4.0, within(1e-9));
        assertThat(perCreate.returned()).isCloseTo(10.0, within(1e-9));
        assertThat(perCreate.statements()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void statementsStayUnknownWhenEitherReadingHasNone() {
        DbCounters withStatements = new DbCounters(2, 0, 0, 0, 0, 0, 0, 10L);
        DbCounters without = new DbCounters(1, 0, 0, 0, 0, 0, 0, null);

        assertThat(withStatements.since(without).statements()).isNull();
        assertThat(withStatements.since(without).per(1).statements()).isNull();
    }

    @Test
    void aWindowWithoutAcknowledgedCreatesHasNoPerCreateFigures() {
        assertThat(new DbCounters(5, 0, 0, 0, 0, 0, 0, null).per(0)).isNull();
    }

    @Test
    void statementsAreCountedOnlyWhenTheServerPreloadsPgStatStatements() {
        assertThat(DbCounterReader.preloads("")).isFalse();
        assertThat(DbCounterReader.preloads("auto_explain")).isFalse();
        assertThat(DbCounterReader.preloads("pg_stat_statements")).isTrue();
        assertThat(DbCounterReader.preloads("auto_explain, \"pg_stat_statements\"")).isTrue();
        assertThat(DbCounterReader.preloads("pg_stat_statements_extra")).isFalse();
    }
}
