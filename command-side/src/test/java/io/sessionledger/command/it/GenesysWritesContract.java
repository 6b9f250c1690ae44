package io.sessionledger.command.it;

import io.sessionledger.testsupport.RawHttp;
import io.sessionledger.testsupport.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.command.security.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command side's Genesys writes against a real PostgreSQL and a real Kafka broker. Subclasses say
 * which PostgreSQL (the machine's own, or a Testcontainers one where Docker exists).
 */
abstract class GenesysWritesContract extends RunningCommandSide {

    private static final ObjectMapper JSON = new ObjectMapper();

    String key;

    abstract String kafkaBootstrap();

    @BeforeEach
    void issueKey() {
        key = issue("acme");
    }

    String issue(String tenant) {
        Http.Response issued = http.send("POST", "/ledger/v1/api-keys",
                "{\"tenantId\":\"" + tenant + "\",\"name\":\"it\"}",
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json"));
        assertThat(issued.status()).isEqualTo(201);
        return issued.body().get("key").asText();
    }

    Http.Response put(String path, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", key, "content-type", "application/json"));
        headers.putAll(extra);
        return http.send("PUT", path, body, headers);
    }

    Http.Response post(String path, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", key, "content-type", "application/json"));
        headers.putAll(extra);
        return http.send("POST", path, body, headers);
    }

    @Test
    void createIsAnsweredOnceItsEventIsOnKafkaAsACloudEvent() {
        Http.Response created = put("/gks-server/v1/sessions/new", "{\"visitId\":\"v-cloud\"}",
                Map.of("gkc_agentId", "agent-7", "gkc_customerId", "cust-9", "x-request-id", "req-cloud-1"));

        assertThat(created.status()).isEqualTo(200);
        String sessionId = created.body().get("sessionId").asText();
        assertThat(sessionId).startsWith("s-");
        assertThat(created.body().get("agentId").asText()).isEqualTo("agent-7");
        assertThat(created.body().get("anonymous").asBoolean()).isFalse();
        assertThat(created.header("etag")).isEqualTo("\"0\"");
        String[] position = created.header("x-ledger-position").split(":");

        List<TopicReader.Read> read = new TopicReader(kafkaBootstrap()).readUntil(
                records -> records.stream().anyMatch(r -> r.event().subject().equals(sessionId)),
                Duration.ofSeconds(20));
        TopicReader.Read record = read.stream().filter(r -> r.event().subject().equals(sessionId))
                .findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo("acme:" + sessionId);
        assertThat(record.partition()).isEqualTo(Integer.parseInt(position[0]));
        assertThat(record.offset()).isEqualTo(Long.parseLong(position[1]));
        assertThat(record.contentType()).isEqualTo("application/cloudevents+json");
        assertThat(record.event().type()).isEqualTo("session.created");
        assertThat(record.event().specversion()).isEqualTo("1.0");
        assertThat(record.event().sequenceNumber()).isZero();
        assertThat(record.event().tenantid()).isEqualTo("acme");
        assertThat(record.event().dialect()).isEqualTo("genesys-v1");
        assertThat(record.event().requestid()).isEqualTo("req-cloud-1");
        assertThat(record.event().apikeyid()).startsWith("k-");
        // Personal data travels sealed (docs/decisions.md, "Personal data and erasure").
        assertThat(record.event().data().get("parties").get("customerId").asText()).startsWith("enc:v1:");
        assertThat(record.value()).doesNotContain("cust-9");
    }

    @Test
    void theStoreKeepsReadableJsonWithMetadataAndADenseGlobalIndex() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(put("/gks-server/v1/sessions/new", null, Map.of()).body().get("sessionId").asText());
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select global_index, payload, meta_data "
                + "from domain_event_entry where aggregate_identifier in (?, ?, ?, ?, ?) order by global_index",
                ids.stream().map(id -> "acme:" + id).toArray());

        assertThat(rows).hasSize(5);
        long first = ((Number) rows.get(0).get("global_index")).longValue();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("global_index")).longValue()).isEqualTo(first + i);
            JsonNode payload = JSON.readTree(new String((byte[]) rows.get(i).get("payload"), StandardCharsets.UTF_8));
            assertThat(payload.get("tenantId").asText()).isEqualTo("acme");
            JsonNode metadata = JSON.readTree(new String((byte[]) rows.get(i).get("meta_data"), StandardCharsets.UTF_8));
            assertThat(metadata.fieldNames()).toIterable().contains("tenantId", "apiKeyId", "dialect", "requestId",
                    "correlationId", "causationId");
        }
    }

    @Test
    void parallelCreatesWithOneVisitIdMakeOneSession() throws Exception {
        Long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        List<Http.Response> responses = parallel(8, () ->
                put("/gks-server/v1/sessions/new", "{\"visitId\":\"v-race\"}", Map.of()));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400).hasSize(7)
                .allSatisfy(r -> assertThat(r.body().get("code").asText()).isEqualTo("visit_id_conflict"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? and "
                + "convert_from(payload, 'UTF8') like '%\"visitId\":\"enc:v1:%'", Long.class, before)).isEqualTo(1);
    }

    @Test
    void parallelAssociationsOfAnUnknownIdCreateItExactlyOnce() throws Exception {
        List<Http.Response> responses = parallel(8, () ->
                post("/gks-server/v1/sessions/chosen-by-client", null, Map.of("gkc_customerId", "c-same")));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, "acme:chosen-by-client")).isEqualTo(1);
    }

    @Test
    void parallelEnsuresOfAnUnknownIdCreateItExactlyOnce() throws Exception {
        List<Http.Response> responses = parallel(8, () ->
                post("/internal/v1/genesys/sessions/ensured-once/ensure", null, Map.of()));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses).filteredOn(r -> r.body().get("created").asBoolean()).hasSize(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.body().get("position").isNull()).isFalse());
    }

    @Test
    void aDifferentCustomerIsRejectedAndTheSameOneChangesNothing() {
        post("/gks-server/v2/sessions/assoc-1?tenantId=acme", null, Map.of("gkc_customerId", "c-1"));
        long before = storedEvents();

        Http.Response same = post("/gks-server/v2/sessions/assoc-1?tenantId=acme", null,
                Map.of("gkc_customerId", "c-1"));
        Http.Response other = post("/gks-server/v2/sessions/assoc-1?tenantId=acme", null,
                Map.of("gkc_customerId", "c-2"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("response").get("customerId").asText()).isEqualTo("c-1");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().get("code").asText()).isEqualTo("customer_conflict");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * The association's event is applied to the aggregate in memory before the visit id claim fails; the
     * rollback must drop that state (the session cache included), so the next command sees the stored one.
     */
    @Test
    void aRejectedAssociationLeavesNothingBehindForTheNextCommand() {
        put("/gks-server/v1/sessions/new", "{\"visitId\":\"taken-visit\"}", Map.of("gkc_customerId", "c-owner"));
        post("/gks-server/v1/sessions/cache-1", null, Map.of());
        long before = storedEvents();

        Http.Response rejected = post("/gks-server/v1/sessions/cache-1", "{\"visitId\":\"taken-visit\"}",
                Map.of("gkc_customerId", "c-9", "gkc_agentId", "a-9"));
        Http.Response next = post("/gks-server/v1/sessions/cache-1", null, Map.of("gkc_agentId", "a-10"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().get("code").asText()).isEqualTo("visit_id_conflict");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().get("agentId").asText()).isEqualTo("a-10");
        assertThat(next.body().get("customerId").isNull()).isTrue();
        assertThat(next.body().get("visitId").isNull()).isTrue();
        assertThat(next.header("etag")).isEqualTo("\"1\"");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Http.Response created = post("/gks-server/v1/sessions/versioned", null, Map.of());
        assertThat(created.header("etag")).isEqualTo("\"0\"");

        Http.Response fresh = post("/gks-server/v1/sessions/versioned", null,
                Map.of("gkc_customerId", "c-1", "If-Match", "\"0\""));
        Http.Response stale = post("/gks-server/v1/sessions/versioned", null,
                Map.of("gkc_customerId", "c-1", "If-Match", "\"0\""));

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("etag")).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("code").asText()).isEqualTo("precondition_failed");
    }

    @Test
    void tenantsNeverSeeEachOthersSessions() {
        post("/gks-server/v1/sessions/shared-name", null, Map.of("gkc_customerId", "acme-customer"));
        String otherKey = issue("globex");

        Http.Response other = http.send("POST", "/gks-server/v1/sessions/shared-name", null,
                Map.of("x-api-key", otherKey, "gkc_customerId", "globex-customer"));

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body().get("tenantId").asText()).isEqualTo("globex");
        assertThat(jdbc.queryForList("select aggregate_identifier from domain_event_entry where "
                + "aggregate_identifier like '%:shared-name'", String.class))
                .containsExactlyInAnyOrder("acme:shared-name", "globex:shared-name");
    }

    @Test
    void aKeyWithoutTheSessionsScopeCannotUseTheSessionApis() {
        Http.Response issued = http.send("POST", "/ledger/v1/api-keys",
                "{\"tenantId\":\"acme\",\"name\":\"auditor\",\"scopes\":[\"audit\"]}",
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json"));
        assertThat(issued.status()).isEqualTo(201);
        long before = storedEvents();

        Http.Response refused = http.send("PUT", "/gks-server/v1/sessions/new", null,
                Map.of("x-api-key", issued.body().get("key").asText()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("forbidden");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void apiKeysAreStoredOnlyAsHashes() {
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = ?", Long.class,
                ApiKeys.hash(key))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = ? or name = ?", Long.class,
                key, key)).isZero();
    }

    static Stream<Arguments> badRequests() {
        String deep = "{\"visitId\":" + "[".repeat(40) + "]".repeat(40) + "}";
        return Stream.of(
                Arguments.of("malformed JSON", "PUT", "/gks-server/v1/sessions/new", "{\"visitId\":", Map.of(), 400),
                Arguments.of("array for an object", "PUT", "/gks-server/v1/sessions/new", "[1]", Map.of(), 400),
                Arguments.of("number for a string", "PUT", "/gks-server/v1/sessions/new", "{\"visitId\":3}", Map.of(), 400),
                Arguments.of("unknown field", "PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"v\",\"x\":1}", Map.of(), 400),
                Arguments.of("duplicate field", "PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"a\",\"visitId\":\"b\"}", Map.of(), 400),
                Arguments.of("deeply nested", "PUT", "/gks-server/v1/sessions/new", deep, Map.of(), 400),
                Arguments.of("oversized body", "PUT", "/gks-server/v1/sessions/new",
                        "{\"visitId\":\"" + "x".repeat(70_000) + "\"}", Map.of(), 413),
                Arguments.of("not JSON", "PUT", "/gks-server/v1/sessions/new", "visitId=v",
                        Map.of("content-type", "text/plain"), 415),
                Arguments.of("form encoded", "POST", "/gks-server/v1/sessions/form-1", "visitId=v",
                        Map.of("content-type", "application/x-www-form-urlencoded"), 415),
                Arguments.of("huge agent header", "PUT", "/gks-server/v1/sessions/new", null,
                        Map.of("gkc_agentId", "a".repeat(300)), 400),
                Arguments.of("blank customer header", "PUT", "/gks-server/v1/sessions/new", null,
                        Map.of("gkc_customerId", " "), 400),
                Arguments.of("absurdly long id", "POST", "/gks-server/v1/sessions/" + "x".repeat(200), null, Map.of(), 400),
                Arguments.of("id with a space", "POST", "/gks-server/v1/sessions/a%20b", null, Map.of(), 400),
                Arguments.of("id with an encoded slash", "POST", "/gks-server/v1/sessions/..%2Fx", null, Map.of(), 400),
                Arguments.of("id with a NUL", "POST", "/gks-server/v1/sessions/a%00b", null, Map.of(), 400),
                Arguments.of("no key", "PUT", "/gks-server/v1/sessions/new", null, Map.of("x-api-key", ""), 401),
                Arguments.of("unknown key", "PUT", "/gks-server/v1/sessions/new", null, Map.of("x-api-key", "sl_nope"), 401),
                Arguments.of("v2 without tenantId", "PUT", "/gks-server/v2/sessions/new", null, Map.of(), 400),
                Arguments.of("v2 with another tenant", "PUT", "/gks-server/v2/sessions/new?tenantId=globex", null, Map.of(), 403),
                Arguments.of("unsupported method", "DELETE", "/gks-server/v1/sessions/new", null, Map.of(), 405),
                Arguments.of("stale If-Match syntax", "POST", "/gks-server/v1/sessions/m-1", null, Map.of("If-Match", "abc"), 412),
                Arguments.of("unknown path", "PUT", "/gks-server/v1/nothing", null, Map.of(), 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAnsweredInGenesysFormatAndChangesNothing(String name, String method, String path, String body,
                                                            Map<String, String> extra, int status) {
        long before = storedEvents();
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", key, "content-type", "application/json"));
        headers.putAll(extra);
        headers.values().removeIf(String::isEmpty);

        Http.Response response = http.send(method, path, body, headers);

        assertThat(response.status()).as(name).isEqualTo(status);
        assertThat(response.header("content-type")).as(name).startsWith("application/json");
        assertThat(response.body().get("code").asText()).as(name).isNotBlank();
        assertThat(response.body().get("description").asText()).as(name).isNotBlank()
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(storedEvents()).as(name).isEqualTo(before);
    }

    static Stream<Arguments> bodiesThatAreNotOneUtf8JsonObject() {
        byte[] overlong = {'{', '"', 'v', 'i', 's', 'i', 't', 'I', 'd', '"', ':', '"', 'v', (byte) 0xc0, (byte) 0xaf, '"', '}'};
        return Stream.of(
                Arguments.of("trailing content", "{\"visitId\":\"a\"} xyz".getBytes(StandardCharsets.UTF_8), ""),
                Arguments.of("two documents", "{\"visitId\":\"a\"}{\"visitId\":\"b\"}".getBytes(StandardCharsets.UTF_8), ""),
                Arguments.of("trailing NUL", "{\"visitId\":\"a\"}\u0000".getBytes(StandardCharsets.UTF_8), ""),
                Arguments.of("overlong UTF-8", overlong, ""),
                Arguments.of("lone surrogate", "{\"visitId\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8), ""),
                Arguments.of("UTF-16 without charset", "{\"visitId\":\"a\"}".getBytes(StandardCharsets.UTF_16LE), ""),
                Arguments.of("UTF-32 without charset", "{\"visitId\":\"a\"}".getBytes(java.nio.charset.Charset.forName("UTF-32BE")), ""),
                Arguments.of("UTF-16 declared", "{\"visitId\":\"a\"}".getBytes(StandardCharsets.UTF_16), "; charset=utf-16"),
                Arguments.of("multipart", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n"
                        .getBytes(StandardCharsets.UTF_8), "MULTIPART"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotOneUtf8JsonObject")
    void aBodyThatIsNotOneUtf8JsonObjectIsRefusedAndStoresNothing(String name, byte[] body, String contentType) {
        long before = storedEvents();
        String type = contentType.equals("MULTIPART") ? "multipart/form-data; boundary=b"
                : "application/json" + contentType;

        RawHttp.Answer answer = RawHttp.request(port, "PUT", "/gks-server/v1/sessions/new",
                "x-api-key: " + key + "\r\ncontent-type: " + type + "\r\n", body);

        assertThat(answer.status()).as(name + ": " + answer.head()).isIn(400, 415);
        assertThat(answer.body().get("code").asText()).as(name).isIn("invalid_request", "unsupported_media_type");
        assertThat(storedEvents()).as(name).isEqualTo(before);
    }

    @Test
    void headerValuesAreReadAsUtf8AndASingleValuedHeaderSentTwiceIsRefused() {
        RawHttp.Answer utf8 = RawHttp.request(port, "PUT", "/gks-server/v1/sessions/new",
                "x-api-key: " + key + "\r\ngkc_customerId: cüstömer\r\ngkc_agentId: 日本\r\n", new byte[0]);
        assertThat(utf8.status()).as(utf8.head()).isEqualTo(200);
        assertThat(utf8.body().get("customerId").asText()).isEqualTo("cüstömer");
        assertThat(utf8.body().get("agentId").asText()).isEqualTo("日本");

        long before = storedEvents();
        RawHttp.Answer twice = RawHttp.request(port, "PUT", "/gks-server/v1/sessions/new",
                "x-api-key: " + key + "\r\ngkc_customerId: c1\r\ngkc_customerId: c2\r\n", new byte[0]);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("description").asText()).contains("only once");
        RawHttp.Answer latin1 = RawHttp.send(port, ("PUT /gks-server/v1/sessions/new HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\nContent-Length: 0\r\nx-api-key: " + key + "\r\ngkc_customerId: c")
                .getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xfc, '\r', '\n', '\r', '\n'});
        assertThat(latin1.status()).as("a lone 0xFC byte is not UTF-8").isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
