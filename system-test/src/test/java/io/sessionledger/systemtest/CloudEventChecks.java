package io.sessionledger.systemtest;

import io.sessionledger.testsupport.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What docs/architecture.md promises analytics consumers about each record on the topic. */
final class CloudEventChecks {

    private CloudEventChecks() {
    }

    static Set<String> createdSessions(List<TopicReader.Read> records) {
        return records.stream()
                .map(record -> json(record.value()))
                .filter(event -> event.path("type").asText().equals("session.created"))
                .map(event -> event.path("subject").asText())
                .collect(Collectors.toSet());
    }

    /** Key = tenant:session, CloudEvents fields and header, and per session a rising sequence starting at creation. */
    static void assertWellFormedAndOrdered(List<TopicReader.Read> records, String tenant) {
        Map<String, Long> lastSequence = new HashMap<>();
        Map<String, String> lastId = new HashMap<>();
        for (TopicReader.Read record : records) {
            JsonNode event = json(record.value());
            String sessionId = event.path("subject").asText();
            assertThat(record.key()).isEqualTo(tenant + ":" + sessionId);
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).isNotBlank();
            assertThat(event.path("tenantid").asText()).isEqualTo(tenant);
            assertThat(event.path("source").asText()).isEqualTo("/session-ledger/tenants/" + tenant);
            assertThat(record.contentType()).isEqualTo("application/cloudevents+json");

            long sequence = Long.parseLong(event.path("sequence").asText());
            Long previous = lastSequence.put(record.key(), sequence);
            String previousId = lastId.put(record.key(), event.path("id").asText());
            if (previous == null) {
                assertThat(event.path("type").asText()).as("first event of " + record.key()).isEqualTo("session.created");
            } else if (previous == sequence) {
                // At-least-once delivery: a repeat is allowed, but only of the very same event.
                assertThat(event.path("id").asText()).as("repeat of " + record.key()).isEqualTo(previousId);
            } else {
                assertThat(sequence).as("sequence of " + record.key()).isGreaterThan(previous);
            }
        }
    }


    private static JsonNode json(String value) {
        try {
            return LedgerClient.JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
