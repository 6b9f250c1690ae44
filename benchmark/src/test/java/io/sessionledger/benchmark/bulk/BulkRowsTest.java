package io.sessionledger.benchmark.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.scenario.SessionNames;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkRowsTest {

    private static final BulkPlan PLAN = BulkPlan.of(1_000_000);
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final List<String> COLUMNS = Arrays.stream(BulkRows.COLUMNS.split(",")).map(String::trim).toList();

    @Test
    void aKoreRowIsASessionOfTheBulkAppEnvironment() {
        List<String> row = fields(BulkRows.kore("bench", PLAN, 5, NOW));

        assertThat(row).hasSameSizeAs(COLUMNS);
        assertThat(value(row, "aggregate_id")).isEqualTo("bench:s-bulk-k-5");
        assertThat(value(row, "app_id")).isEqualTo(BulkPlan.KORE_APP);
        assertThat(value(row, "environment")).isEqualTo(BulkPlan.KORE_ENVIRONMENT);
        assertThat(value(row, "user_reference")).isEqualTo(PLAN.userOf(5));
        assertThat(value(row, "user_id")).startsWith("u-");
        assertThat(value(row, "agent_key")).isEqualTo("\\N");
        assertThat(value(row, "dialect")).isEqualTo("kore");
        assertThat(value(row, "created_at")).isEqualTo("2026-12-01T08:59:55Z");
    }

    @Test
    void aVectaraRowCarriesItsAgentKeyAndDrawnName() {
        List<String> row = fields(BulkRows.vectara("bench", PLAN, 102, NOW));

        assertThat(row).hasSameSizeAs(COLUMNS);
        assertThat(value(row, "agent_key")).isEqualTo("bench-bulk-001");
        assertThat(value(row, "session_key")).isEqualTo("k-000000102");
        assertThat(value(row, "name")).isEqualTo(SessionNames.name(102));
        assertThat(value(row, "metadata")).isEqualTo("{\"bulk\":true,\"n\":102}");
        assertThat(value(row, "enabled")).isEqualTo("t");
        assertThat(value(row, "app_id")).isEqualTo("\\N");
        assertThat(value(row, "deleted")).isEqualTo("f");
    }

    @Test
    void copyTextEscapesWhatWouldSplitAField() {
        assertThat(BulkRows.text("a\tb\\c\nd")).isEqualTo("a\\tb\\\\c\\nd");
        assertThat(BulkRows.text(null)).isEqualTo("\\N");
    }

    private static List<String> fields(String line) {
        assertThat(line).endsWith("\n");
        return List.of(line.substring(0, line.length() - 1).split("\t", -1));
    }

    private static String value(List<String> row, String column) {
        return row.get(COLUMNS.indexOf(column));
    }
}
