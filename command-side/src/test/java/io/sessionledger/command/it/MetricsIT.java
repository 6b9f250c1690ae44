package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the operator scrapes at {@code /actuator/prometheus} (no key: the port is internal) after a few writes:
 * commands by dialect and outcome with latency histograms, group-commit batch sizes, publication lag, requests
 * refused by status. The other actuator endpoints stay closed.
 */
class MetricsIT extends AuditContext {

    @Test
    void aScrapeAfterAFewWritesShowsCommandsBatchesPublicationLagAndRejections() throws Exception {
        String key = keyOf("acme-metrics");
        String id = sessionWithFourEvents(key);
        Http.Response conflict = http.send("POST", "/gks-server/v1/sessions/" + id, null,
                Map.of("x-api-key", key, "gkc_customerId", "someone-else"));
        assertThat(conflict.status()).isEqualTo(400);
        assertThat(as("not-a-key", "GET", "/ledger/v1/sessions/" + id + "/events", null).status()).isEqualTo(401);

        String metrics = awaitScrape("ledger_publication_lag_events 0.0");

        assertThat(sum(metrics, "ledger_commands_seconds_count\\{command=\"\\w+\",dialect=\"genesys-v1\",outcome=\"applied\"}"))
                .as("four writes that changed the session").isGreaterThanOrEqualTo(4);
        assertThat(sum(metrics, "ledger_commands_seconds_count\\{command=\"\\w+\",dialect=\"genesys-v1\",outcome=\"rejected\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).containsPattern("ledger_commands_seconds_bucket\\{command=\"\\w+\",dialect=\"genesys-v1\","
                + "outcome=\"applied\",le=\"[0-9.]+\"}");
        assertThat(sum(metrics, "ledger_commands_batch_size_count")).as("committed batches").isGreaterThanOrEqualTo(4);
        assertThat(sum(metrics, "ledger_commands_batch_size_sum")).as("commands in them").isGreaterThanOrEqualTo(4);
        assertThat(metrics).contains("ledger_commands_batch_size_bucket{le=");
        assertThat(sum(metrics, "ledger_publication_lag_seconds_count")).as("events acknowledged by Kafka")
                .isGreaterThanOrEqualTo(4);
        assertThat(metrics).contains("ledger_publication_lag_seconds_bucket{le=");
        assertThat(sum(metrics, "ledger_requests_rejected_total\\{status=\"400\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "ledger_requests_rejected_total\\{status=\"401\"}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyHealthAndPrometheusAreExposed() {
        String key = keyOf("acme-actuator");
        for (String endpoint : new String[] {"metrics", "env", "info", "beans", "loggers"}) {
            assertThat(as(key, "GET", "/actuator/" + endpoint, null).status()).as(endpoint).isEqualTo(404);
        }
        assertThat(http.send("GET", "/actuator/health", null, Map.of()).status()).isEqualTo(200);
    }

    /** Scrapes until the text holds {@code expected} (the publisher stores its token just after Kafka's ack). */
    private String awaitScrape(String expected) throws Exception {
        String metrics = "";
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            metrics = scrape.body();
            if (metrics.contains(expected)) {
                return metrics;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + expected + "' in\n" + metrics);
    }

    /** The sum of every series whose name and labels match {@code series} (a regex). */
    static double sum(String metrics, String series) {
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
