package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge's metrics: scraped on a listener of their own, never on the public port, with every request by route
 * and status, the refusals by status and code, and the quota refusals.
 */
class EdgeMetricsIT {

    /** A key's bucket refills at rate / instances: with this many, not within a test. */
    private static final int NO_REFILL_INSTANCES = 1_000_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EchoUpstream command;
    private static EchoUpstream query;
    private static Edge edge;

    @BeforeAll
    static void start() throws Exception {
        command = new EchoUpstream("command", "UP").principals(Map.of("sl_one", "{\"keyId\":\"k-one\","
                + "\"tenantId\":\"acme\",\"name\":\"n\",\"scopes\":[\"sessions\"],\"rateLimit\":{\"requestsPerSecond\":1}}"));
        query = new EchoUpstream("query", "UP");
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(), "127.0.0.1:" + Ports.findFree(),
                EdgeSettings.DEFAULT_RATE_LIMIT, NO_REFILL_INSTANCES));
    }

    @AfterAll
    static void stop() {
        edge.close();
        command.close();
        query.close();
    }

    @Test
    void refusalsQuotaRefusalsAndForwardedRequestsAreCountedOnTheMetricsPortOnly() throws Exception {
        assertThat(send("GET", "/gks-server/v1/sessions/s-1", "sl_one").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/gks-server/v1/sessions/s-2", "sl_one").statusCode()).isEqualTo(429);
        assertThat(send("GET", "/nowhere", null).statusCode()).isEqualTo(404);
        assertThat(send("TRACE", "/gks-server/v1/sessions/s-1", null).statusCode()).isEqualTo(405);

        HttpResponse<String> publicScrape = send("GET", "/actuator/prometheus", null);
        assertThat(publicScrape.statusCode()).as("not on the public port").isEqualTo(404);
        assertThat(publicScrape.body()).doesNotContain("ledger_edge");

        String metrics = scrape("/actuator/prometheus");
        assertThat(value(metrics, "ledger_edge_quota_refusals_total")).isEqualTo(1.0);
        assertThat(value(metrics, "ledger_edge_rejected_total{code=\"rate_limit_exceeded\",status=\"429\"}"))
                .isEqualTo(1.0);
        assertThat(value(metrics, "ledger_edge_rejected_total{code=\"method_not_allowed\",status=\"405\"}"))
                .isEqualTo(1.0);
        assertThat(value(metrics, "ledger_edge_rejected_total{code=\"not_found\",status=\"404\"}"))
                .as("/nowhere and the public /actuator/prometheus").isEqualTo(2.0);
        assertThat(value(metrics, "ledger_edge_requests_seconds_count{route=\"query\",status=\"200\"}")).isEqualTo(1.0);
        assertThat(metrics).contains("ledger_edge_requests_seconds_bucket{route=\"query\",status=\"200\",le=");
        assertThat(value(metrics, "ledger_edge_requests_seconds_count{route=\"refused\",status=\"405\"}"))
                .as("refused before routing").isEqualTo(1.0);
    }

    @Test
    void theMetricsListenerServesNothingElse() throws Exception {
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + edge.metricsPort() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> send(String method, String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + edge.metricsPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    /** The value of one series, by its exact name and labels as Prometheus prints them. */
    static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
