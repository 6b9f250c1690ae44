package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The ledger's own reconciliation (store, publisher, topic, read model) through the edge, after the run: shown next
 * to the suite's verdict, so that a difference between the two is seen. Redeliveries are among its differences.
 */
public final class LedgerReconciliation {

    private LedgerReconciliation() {
    }

    /** One line: consistent or not, and its differences. */
    public static String ask(String baseUrl, String adminKey) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/ledger/v1/reconciliation")).header("x-api-key", adminKey)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return "the ledger's reconciliation answered " + answer.statusCode() + ": " + answer.body();
            }
            JsonNode report = new ObjectMapper().readTree(answer.body());
            StringBuilder line = new StringBuilder("the ledger's own reconciliation says ")
                    .append(report.path("consistent").asBoolean() ? "consistent" : "not consistent");
            report.path("differences").forEach(difference -> line.append("; ").append(difference.asText()));
            return line.toString();
        } catch (Exception e) {
            return "the ledger's reconciliation could not be asked: " + e;
        }
    }
}
