package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A lane that holds as many waiting commands as it may refuses the next one at once, with a 503 to retry in the
 * dialect's format, and still answers those it took. One lane, room for one waiting command; the lane is held up
 * by the test locking the log's counter row, which every append updates.
 */
class LaneBackpressureIT extends RunningCommandSide {

    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_backpressure");
    private static final Duration BOUND = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
        registry.add("ledger.commands.lanes", () -> 1);
        registry.add("ledger.commands.queue-limit", () -> 1);
    }

    @Test
    void aFullLaneRefusesWithA503ToRetryInTheDialectsFormatAndAnswersWhatItHolds() throws Exception {
        String key = http.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"backpressure\"}",
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json")).body().get("key").asText();
        CompletableFuture<Http.Response> inBatch;
        CompletableFuture<Http.Response> second;
        CompletableFuture<Http.Response> third;
        CompletableFuture<Http.Response> queued;
        try (Connection blocker = DriverManager.getConnection(DATABASE, TestPostgres.USER, "")) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("select size from ledger_log where id = 1 for update");
            }
            inBatch = create(key);
            assertThat(awaitLockWaiter()).as("the lane's batch waits for the log row").isTrue();

            second = create(key);
            third = create(key);
            CompletableFuture.anyOf(second, third).get(BOUND.toSeconds(), TimeUnit.SECONDS);

            List<Http.Response> answered = List.of(second, third).stream()
                    .filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
            assertThat(answered).hasSize(1);
            Http.Response refused = answered.get(0);
            // Which one waits is decided now, while the lane is held: once the lock goes, the queued one completes
            // too, and asking isDone() then could pick the refused one (how this test used to fail in full runs).
            queued = second.isDone() ? third : second;
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().get("code").asText()).isEqualTo("unavailable");
            assertThat(refused.body().get("description").asText()).contains("try again");
            assertThat(refused.header("retry-after")).isEqualTo("1");
            blocker.rollback();
        }
        Http.Response held = inBatch.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(held.status()).as(held.raw().body() + " " + held.raw().headers()).isEqualTo(200);
        Http.Response later = queued.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(later.status()).as(later.raw().body()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(2);
    }

    private CompletableFuture<Http.Response> create(String key) {
        return CompletableFuture.supplyAsync(() ->
                http.send("PUT", "/gks-server/v1/sessions/new", null, Map.of("x-api-key", key)));
    }

    /** Whether a session of this database waits for a lock, polled within the bound (outside any transaction). */
    private static boolean awaitLockWaiter() throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(DATABASE, TestPostgres.USER, "");
                 Statement query = connection.createStatement();
                 ResultSet waiting = query.executeQuery("select count(*) from pg_stat_activity "
                         + "where datname = current_database() and wait_event_type = 'Lock'")) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }
}
