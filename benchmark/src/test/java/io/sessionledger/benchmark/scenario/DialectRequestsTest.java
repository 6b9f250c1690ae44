package io.sessionledger.benchmark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.benchmark.bulk.BulkPlan;
import io.sessionledger.benchmark.load.RequestFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** The requests the Kore and Vectara scenarios send, as the fixed API contract describes them. */
class DialectRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target TARGET = new Target(URI.create("http://127.0.0.1:1"), "key", null, "bench",
            HttpClient.newHttpClient(), "b1");

    @Test
    void koreBodiesAreTheSeedsShape() throws Exception {
        JsonNode identity = JSON.readTree(KoreScenarios.identity("userReference", "u-1"));
        JsonNode byUser = JSON.readTree(KoreScenarios.listBody("lu-1", 20));
        JsonNode firstPage = JSON.readTree(KoreScenarios.listBody(null, 10));

        assertThat(identity.at("/sessionIdentity/0/type").asText()).isEqualTo("userReference");
        assertThat(identity.at("/sessionIdentity/0/value").asText()).isEqualTo("u-1");
        assertThat(byUser.path("userReference").asText()).isEqualTo("lu-1");
        assertThat(byUser.path("limit").asInt()).isEqualTo(20);
        assertThat(firstPage.has("userReference")).isFalse();
        assertThat(firstPage.path("offset").asInt()).isZero();
    }

    @Test
    void aVectaraCreateNamesItsKeyAndADrawnName() throws Exception {
        JsonNode body = JSON.readTree(VectaraScenarios.createBody(42));

        assertThat(body.path("key").asText()).isEqualTo("k-42");
        assertThat(body.path("name").asText()).isEqualTo(SessionNames.name(42));
        assertThat(body.path("metadata").isObject()).isTrue();
    }

    @Test
    void theFilterTravelsUrlEncoded() {
        assertThat(VectaraScenarios.filteredPage("/v2/agents/a/sessions", 3))
                .isEqualTo("/v2/agents/a/sessions?limit=10&filter=%5Ebench-3");
    }

    @Test
    void bulkReadsAddressTheLoadedRows() throws Exception {
        BulkPlan plan = BulkPlan.of(1_000_000);

        for (long n = 0; n < 200; n++) {
            HttpRequest get = VectaraScenarios.getAmong(plan).setup().prepare(TARGET).request(n);
            HttpRequest page = VectaraScenarios.listFilteredAmong(plan).setup().prepare(TARGET).request(n);
            RequestFactory byUser = KoreScenarios.listByUserAmong(plan).setup().prepare(TARGET);

            assertThat(get.uri().getPath()).matches("/v2/agents/bench-bulk-\\d{3}/sessions/k-\\d{9}");
            String agent = get.uri().getPath().split("/")[3];
            long row = Long.parseLong(get.uri().getPath().substring(get.uri().getPath().lastIndexOf("k-") + 2));
            assertThat(plan.agentOf(row)).isEqualTo(agent);
            assertThat(page.uri().getRawQuery()).matches("limit=10&filter=%5Ebench-\\d");
            assertThat(byUser.request(n).uri().getPath())
                    .isEqualTo("/api/v2/apps/bench-bulk/environments/bulk/sessions/list");
            assertThat(byUser.request(n).method()).isEqualTo("POST");
        }
    }
}
