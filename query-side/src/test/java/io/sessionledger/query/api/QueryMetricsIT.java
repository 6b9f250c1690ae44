package io.sessionledger.query.api;

import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.query.support.ReadApiContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the operator scrapes at the query side's {@code /actuator/prometheus} (no key: the port is internal) after a
 * few reads: read-barrier waits with a histogram and their outcome, projection lag, requests refused by status.
 */
class QueryMetricsIT extends ReadApiContext {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScrapeAfterAFewReadsShowsBarrierWaitsProjectionLagAndRejections() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = "s-metrics-" + i;
            PRODUCER.send(envelope(0, Instant.now(), withParties("acme", id, "agent", "cust-" + i, "visit-m-" + i)));
            assertThat(get("/gks-server/v1/sessions/" + id, "key-acme").statusCode()).isEqualTo(200);
        }
        assertThat(get("/gks-server/v1/sessions/s-metrics-0", null).statusCode()).isEqualTo(401);

        String metrics = scrape();
        assertThat(sum(metrics, "ledger_read_barrier_seconds_count\\{outcome=\"fresh\",scope=\"session\"}"))
                .isGreaterThanOrEqualTo(3);
        assertThat(metrics).contains("ledger_read_barrier_seconds_bucket{outcome=\"fresh\",scope=\"session\",le=");
        assertThat(sum(metrics, "ledger_read_barrier_waiting")).as("nobody waits now").isZero();
        assertThat(sum(metrics, "ledger_projection_lag_records")).as("every record read so far is projected").isZero();
        assertThat(sum(metrics, "ledger_requests_rejected_total\\{status=\"401\"}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyHealthAndPrometheusAreExposed() throws Exception {
        for (String endpoint : new String[] {"metrics", "env", "info", "beans"}) {
            assertThat(get("/actuator/" + endpoint, "key-acme").statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }

    private static double sum(String metrics, String series) {
        Matcher lines = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        double total = 0;
        boolean found = false;
        while (lines.find()) {
            total += Double.parseDouble(lines.group(1));
            found = true;
        }
        assertThat(found).as(series + " in\n" + metrics).isTrue();
        return total;
    }
}
