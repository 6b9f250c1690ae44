package io.sessionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreatePathSectionTest {

    @Test
    void theLedgersDatabaseIsTheOneItsJdbcUrlNames() {
        assertThat(CreatePathSection.databaseName("jdbc:postgresql://127.0.0.1:5432/ledger_bench_1")).isEqualTo(
                "ledger_bench_1");
        assertThat(CreatePathSection.databaseName("jdbc:postgresql://h:5432/ledger?prepareThreshold=0"))
                .isEqualTo("ledger");
        assertThat(CreatePathSection.databaseName("jdbc:postgresql://h:5432/")).isNull();
        assertThat(CreatePathSection.databaseName(null)).isNull();
    }
}
