package io.sessionledger.query.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.query.commandside.CommandSideInstances;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** Asks the command side, which owns the event store and its publisher, where they stand. */
@Component
public class StoreLookup {

    /** The answer of {@code GET /internal/v1/store-position}. */
    public record Publisher(String processor, long position, List<Long> gaps, long eventsPassed, long eventsBehind) {
    }

    public record Store(long events, long highestGlobalIndex, long sessions, Publisher publisher) {
    }

    /** The command side could not be asked, or refused: the reconciliation cannot be made. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CommandSideInstances commandSide;
    private final ObjectMapper json;

    public StoreLookup(CommandSideInstances commandSide, ObjectMapper json) {
        this.commandSide = commandSide;
        this.json = json;
    }

    /** @param apiKey the caller's (admin) key, passed on: the command side decides what it may learn */
    public Store read(String apiKey) {
        try {
            HttpResponse<byte[]> response = commandSide.send(http, "/internal/v1/store-position",
                    uri -> HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("x-api-key", apiKey)
                            .header("accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray(), CommandSideInstances.Resend.IDEMPOTENT);
            if (response.statusCode() != 200) {
                throw new Unavailable("the command side answered " + response.statusCode(), null);
            }
            return json.readValue(response.body(), Store.class);
        } catch (IOException e) {
            throw new Unavailable("the command side is unreachable or answered unreadably", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
