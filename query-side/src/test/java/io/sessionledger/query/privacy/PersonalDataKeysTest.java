package io.sessionledger.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.query.commandside.CommandSideInstances;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in for the command side's key endpoint that refuses bodies over its 64 KB limit, as it does. */
class PersonalDataKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 64 * 1024;

    private final Map<String, DataKey> held = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aBatchNeedingThousandsOfNewKeysOpensEveryValue() throws Exception {
        URI commandSide = start();
        List<String> ids = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            DataKey key = DataKey.generate();
            held.put(key.id(), key);
            ids.add(key.id());
            sealed.add(SealedValue.seal(key, "customerId", "customer-" + i));
        }

        PersonalFields.Opener opener = new PersonalDataKeys(new CommandSideInstances(List.of(commandSide)), "admin",
                10_000).openerFor(ids);

        for (int i = 0; i < sealed.size(); i++) {
            assertThat(opener.open("customerId", sealed.get(i))).isEqualTo("customer-" + i);
        }
        assertThat(requests.get()).isGreaterThan(1);
    }

    @Test
    void theSearchForSealedValuesFindsEveryMarkWhereverItIsAndNothingElse() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "enc:v1\"{}abc,";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            List<String> expected = new ArrayList<>();
            int parts = random.nextInt(6);
            for (int i = 0; i < parts; i++) {
                for (int n = random.nextInt(12); n > 0; n--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (random.nextBoolean()) {
                    String keyId = "k" + round + "-" + i;
                    text.append(SealedValue.PREFIX).append(keyId).append(':');
                    expected.add(keyId);
                }
            }
            byte[] record = text.toString().getBytes(StandardCharsets.US_ASCII);
            List<String> found = new ArrayList<>();
            // Marks in the filler itself ("enc:v1:" spelled by chance) count too: compare with a plain search.
            List<String> plain = plainSearch(text.toString());

            boolean any = PersonalDataKeys.keyIdsIn(record, found);

            assertThat(found).as(text.toString()).isEqualTo(plain).containsAll(expected);
            assertThat(any).isEqualTo(!plain.isEmpty()).isEqualTo(PersonalDataKeys.holdsSealed(record));
        }
    }

    private static List<String> plainSearch(String text) {
        List<String> ids = new ArrayList<>();
        for (int at = text.indexOf(SealedValue.PREFIX); at >= 0;
             at = text.indexOf(SealedValue.PREFIX, at + SealedValue.PREFIX.length())) {
            int start = at + SealedValue.PREFIX.length();
            int end = start;
            while (end < text.length() && text.charAt(end) != ':' && end - start < 64) {
                end++;
            }
            ids.add(text.substring(start, end));
        }
        return ids;
    }

    private URI start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/personal-data-keys", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length > LIMIT) {
                exchange.sendResponseHeaders(413, -1);
                exchange.close();
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode keys = answer.putArray("keys");
            for (JsonNode id : JSON.readTree(body).path("keyIds")) {
                DataKey key = held.get(id.asText());
                if (key != null) {
                    keys.addObject().put("keyId", key.id()).put("secret", key.secretBase64()).put("subjectRef", "sub:x");
                }
            }
            byte[] out = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
