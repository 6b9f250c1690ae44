package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two command-side instances on one database answer as one instance would (docs/multi-instance.md): a session
 * cached by one is never decided on after the other wrote it, a write on either answers once its event is on Kafka,
 * and a key revoked through one is refused by the other.
 */
class TwoCommandSidesIT {

    private static TwoCommandSides sides;
    private static String key;

    @BeforeAll
    static void start() {
        // A key stays cached for ten minutes: only the revocations feed can explain the other instance's refusal.
        sides = TwoCommandSides.start("two", Map.of("ledger.api-keys.cache-ttl", "10m"));
        key = sides.issueKey("acme");
    }

    @AfterAll
    static void stop() {
        if (sides != null) {
            sides.close();
        }
    }

    @Test
    void aHandBackOnTheInstanceThatCachedTheSessionIsAppliedAfterTheOtherHandedItOver() {
        Http.Response created = write(sides.first, "PUT", "/gks-server/v1/sessions/new",
                Map.of("gkc_agentId", "agent-a", "gkc_customerId", "cust-hand"));
        String sessionId = created.body().get("sessionId").asText();
        Http.Response handedOver = write(sides.second, "POST", "/gks-server/v1/sessions/" + sessionId,
                Map.of("gkc_agentId", "agent-b"));
        assertThat(handedOver.header("etag")).isEqualTo("\"1\"");

        // The first instance still holds version 0, in which agent-a has the session: a hand-back must not look
        // like "nothing to change".
        Http.Response handedBack = write(sides.first, "POST", "/gks-server/v1/sessions/" + sessionId,
                Map.of("gkc_agentId", "agent-a"));

        assertThat(handedBack.body().get("agentId").asText()).isEqualTo("agent-a");
        assertThat(handedBack.header("etag")).isEqualTo("\"2\"");
        assertThat(sides.jdbc().queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, "acme:" + sessionId)).isEqualTo(2);
    }

    @Test
    void concurrentHandOversThroughBothInstancesLoseNothingAndNeverAnswerFromAnOlderState() throws Exception {
        record Answer(String sessionId, String asked, String agent, long version, long acknowledgedBefore) {
        }
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessionIds.add(write(sides.first, "PUT", "/gks-server/v1/sessions/new",
                    Map.of("gkc_agentId", "agent-x", "gkc_customerId", "cust-race-" + i))
                    .body().get("sessionId").asText());
        }
        Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
        sessionIds.forEach(id -> acknowledged.put(id, new AtomicLong()));
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<TwoCommandSides.Instance> instances = List.of(sides.first, sides.second);
        ExecutorService clients = Executors.newFixedThreadPool(sessionIds.size() * 4);
        List<Future<?>> running = new ArrayList<>();
        for (String sessionId : sessionIds) {
            for (int client = 0; client < 4; client++) {
                TwoCommandSides.Instance instance = instances.get(client % 2);
                int offset = client / 2;
                running.add(clients.submit(() -> {
                    for (int round = 0; round < 12; round++) {
                        String agent = (round + offset) % 2 == 0 ? "agent-x" : "agent-y";
                        long before = acknowledged.get(sessionId).get();
                        Http.Response answer = write(instance, "POST", "/gks-server/v1/sessions/" + sessionId,
                                Map.of("gkc_agentId", agent));
                        long version = version(answer);
                        acknowledged.get(sessionId).accumulateAndGet(version, Math::max);
                        answers.add(new Answer(sessionId, agent, answer.body().get("agentId").asText(), version,
                                before));
                    }
                    return null;
                }));
            }
        }
        for (Future<?> client : running) {
            client.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(answers).hasSize(sessionIds.size() * 4 * 12);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.agent()).as("the association took effect").isEqualTo(answer.asked());
            assertThat(answer.version()).as("never older than a write acknowledged before it began")
                    .isGreaterThanOrEqualTo(answer.acknowledgedBefore());
        });
        for (String sessionId : sessionIds) {
            Map<Long, String> agentAt = new HashMap<>();
            answers.stream().filter(answer -> answer.sessionId().equals(sessionId)).forEach(answer ->
                    assertThat(agentAt.putIfAbsent(answer.version(), answer.agent()))
                            .as("one version, one state").isIn(null, answer.agent()));
            long stored = sides.jdbc().queryForObject("select max(sequence_number) from domain_event_entry "
                    + "where aggregate_identifier = ?", Long.class, "acme:" + sessionId);
            assertThat(agentAt.keySet()).as("every stored version was someone's answer")
                    .containsAll(range(1, stored)).allSatisfy(version -> assertThat(version).isLessThanOrEqualTo(stored));
        }
    }

    @Test
    void aWriteOnEitherInstanceAnswersOnceItsEventIsOnKafkaAndNamesItsRecord() {
        Map<String, String> positions = new LinkedHashMap<>();
        for (TwoCommandSides.Instance instance : List.of(sides.first, sides.second, sides.first, sides.second)) {
            Http.Response created = write(instance, "PUT", "/gks-server/v1/sessions/new", Map.of());
            assertThat(created.header("x-ledger-consistency")).as(instance.name()).isNull();
            assertThat(created.header("x-ledger-position")).as(instance.name()).isNotNull();
            positions.put(created.body().get("sessionId").asText(), created.header("x-ledger-position"));
        }

        List<TopicReader.Read> records = new TopicReader(TestKafka.bootstrap(), sides.topic).readUntil(
                read -> read.stream().map(record -> record.event().subject()).toList()
                        .containsAll(positions.keySet()), Duration.ofSeconds(30));
        positions.forEach((sessionId, position) -> {
            TopicReader.Read record = records.stream()
                    .filter(read -> (read.partition() + ":" + read.offset()).equals(position))
                    .findFirst().orElseThrow();
            assertThat(record.event().subject()).isEqualTo(sessionId);
            assertThat(record.event().sequenceNumber()).isZero();
        });
    }

    @Test
    void anAnswerThatChangedNothingNamesWhereTheSessionIsOnKafkaOnEitherInstance() {
        Http.Response created = write(sides.first, "PUT", "/gks-server/v1/sessions/new",
                Map.of("gkc_customerId", "cust-same"));
        String sessionId = created.body().get("sessionId").asText();

        for (TwoCommandSides.Instance instance : List.of(sides.second, sides.first)) {
            Http.Response unchanged = write(instance, "POST", "/gks-server/v1/sessions/" + sessionId,
                    Map.of("gkc_customerId", "cust-same"));
            assertThat(unchanged.header("etag")).isEqualTo("\"0\"");
            assertThat(unchanged.header("x-ledger-position")).as(instance.name())
                    .isEqualTo(created.header("x-ledger-position"));
        }
    }

    @Test
    void aKeyRevokedThroughOneInstanceIsRefusedByTheOtherThatHadItCached() throws InterruptedException {
        Http.Response issued = sides.first.http().send("POST", "/ledger/v1/api-keys",
                "{\"tenantId\":\"acme\",\"name\":\"to revoke\"}",
                Map.of("x-api-key", TwoCommandSides.ADMIN_KEY, "content-type", "application/json"));
        String revokedKey = issued.body().get("key").asText();
        assertThat(principal(sides.second, revokedKey)).isEqualTo(200);

        Http.Response revoked = sides.first.http().send("DELETE",
                "/ledger/v1/api-keys/" + issued.body().get("id").asText(), null,
                Map.of("x-api-key", TwoCommandSides.ADMIN_KEY));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(principal(sides.first, revokedKey)).isEqualTo(401);
        assertThat(eventually(() -> principal(sides.second, revokedKey) == 401)).isTrue();
        assertThat(principal(sides.second, key)).isEqualTo(200);
    }

    private static Http.Response write(TwoCommandSides.Instance instance, String method, String path,
                                       Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", key));
        headers.putAll(extra);
        Http.Response response = instance.http().send(method, path, null, headers);
        assertThat(response.status()).as(instance.name() + " " + method + " " + path + ": " + response.raw().body())
                .isEqualTo(200);
        return response;
    }

    private static int principal(TwoCommandSides.Instance instance, String apiKey) {
        return instance.http().send("GET", "/internal/v1/principal", null, Map.of("x-api-key", apiKey)).status();
    }

    private static long version(Http.Response response) {
        return Long.parseLong(response.header("etag").replace("\"", ""));
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long value = from; value <= to; value++) {
            values.add(value);
        }
        return values;
    }

    /** Polls for up to 30 seconds; the bound is for a broken feed, not a timing assertion. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
