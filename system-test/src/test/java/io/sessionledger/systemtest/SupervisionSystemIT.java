package io.sessionledger.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.deploy.services.SupervisedService;
import io.sessionledger.systemtest.LedgerClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher keeps the real services running: one killed by pid (SIGKILL) or stopped from outside (SIGTERM, which
 * it drains) is started again from its jar, the launcher says so, and the system answers writes and reads again.
 * Each service's metrics answer on its own port, the edge's on its metrics listener.
 */
class SupervisionSystemIT {

    private static RunningSystem system;
    private static LedgerClient client;
    private static String apiKey;

    /** Tenant "acme", as every system test: SystemIT checks that each record on the shared topic is acme's. */
    @BeforeAll
    static void startTheSystem() throws Exception {
        system = SharedLedger.system();
        client = new LedgerClient(system.baseUrl());
        Reply issued = client.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"supervision\"}",
                "x-api-key", system.adminKey());
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        apiKey = issued.body().path("key").asText();
    }

    @Test
    void aCommandSideKilledByPidIsStartedAgainAndWritesWorkAgain() throws Exception {
        restartedAfter("command-side", true);
        String id = writeAndRead("after-kill");
        assertThat(id).isNotBlank();
    }

    @Test
    void aQuerySideStoppedFromOutsideIsStartedAgainAndReadsWorkAgain() throws Exception {
        restartedAfter("query-side", false);
        assertThat(writeAndRead("after-term")).isNotBlank();
    }

    @Test
    void everyPieceServesItsMetricsWhereTheOperatorScrapesThem() throws Exception {
        writeAndRead("metrics");
        HttpClient http = HttpClient.newHttpClient();
        String command = get(http, "http://127.0.0.1:" + system.config().commandPort() + "/actuator/prometheus");
        assertThat(command).contains("ledger_commands_seconds_count{command=\"CreateSession\",dialect=\"genesys-v1\"");
        String query = get(http, "http://127.0.0.1:" + system.config().queryPort() + "/actuator/prometheus");
        assertThat(query).contains("ledger_read_barrier_seconds_count{");
        String edge = get(http, system.edgeMetricsUrl() + "/actuator/prometheus");
        assertThat(edge).contains("ledger_edge_requests_seconds_count{route=\"command\",status=\"200\"}");
        assertThat(client.send("GET", "/actuator/prometheus", null).status()).as("not through the edge").isEqualTo(404);
    }

    private static void restartedAfter(String name, boolean kill) throws Exception {
        SupervisedService service = system.service(name);
        int restartsBefore = service.restarts();
        long upAgainBefore = upAgainLines(name);
        long pid = service.pid();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(kill ? process.destroyForcibly() : process.destroy()).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (upAgainLines(name) <= upAgainBefore) {
            assertThat(System.nanoTime()).as(name + " was not started again: " + SharedLedger.LAUNCHER_SAID)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(service.pid()).isNotEqualTo(pid);
        assertThat(service.restarts()).isEqualTo(restartsBefore + 1);
        assertThat(SharedLedger.LAUNCHER_SAID).anyMatch(line -> line.startsWith(name + " (pid " + pid + ") exited"));
        assertThat(process.isAlive()).isFalse();
    }

    private static long upAgainLines(String name) {
        return SharedLedger.LAUNCHER_SAID.stream().filter(line -> line.startsWith(name + " is up again")).count();
    }

    /** A create through the edge, then a read of it; returns the session id. */
    private static String writeAndRead(String visit) throws Exception {
        Reply created = client.send("PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"v-" + visit + "\"}",
                "x-api-key", apiKey, "gkc_agentId", "agent-sup", "gkc_customerId", "customer-" + visit);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String id = created.body().path("sessionId").asText();
        Reply read = client.send("GET", "/gks-server/v1/sessions/" + id, null, "x-api-key", apiKey);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().path("visitId").asText()).isEqualTo("v-" + visit);
        return id;
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
