package io.sessionledger.benchmark.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.load.Latency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchTest {

    @Test
    void readsPerTransactionLatenciesFromEveryThreadLog(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("tx.123"), "0 0 1000 0 1700000000 1\n0 1 2000 0 1700000000 2\n");
        Files.writeString(logs.resolve("tx.123.1"), "1 0 3000 0 1700000000 3\n1 1 4000 0 1700000000 4\n");

        Latency latency = Latency.ofMicros(Pgbench.readLogs(logs));

        assertThat(latency.count()).isEqualTo(4);
        assertThat(latency.max()).isEqualTo(4.0, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void theReferenceRowIsEventSizedAndSafeForPgbenchVariables() {
        String payload = EventRow.payload();

        assertThat(payload.length()).isBetween(550, 700);
        assertThat(Pattern.compile("(?<!:):(?!:)[A-Za-z0-9_]").matcher(EventRow.script()).find()).isFalse();
    }
}
