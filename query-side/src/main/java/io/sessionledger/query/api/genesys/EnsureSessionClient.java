package io.sessionledger.query.api.genesys;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.query.commandside.CommandSideInstances;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import org.springframework.stereotype.Component;

/**
 * Genesys GET creates an unknown session (SPEC 4.1). Creating is a write, so the query side asks the command
 * side, which creates it exactly once however many reads race for it. That makes the call idempotent (a second
 * one finds the session the first created, and answers it), so it may go to another command-side instance
 * after any failure on the way.
 */
@Component
public class EnsureSessionClient {

    /** Where the session's latest event sits on the topic; null when the command side stopped waiting for it. */
    public record Position(int partition, long offset) {
    }

    public record Ensured(String aggregateId, long version, boolean created, Position position) {
    }

    /** Headers forwarded as they came, so the write is traced to this read. */
    public record Forwarded(String apiKey, String requestId, String correlationId, String dialect) {
    }

    private static final Logger log = LoggerFactory.getLogger(EnsureSessionClient.class);
    // The command side waits for Kafka before it answers, so this is longer than a plain lookup.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CommandSideInstances commandSide;
    private final ObjectMapper json;

    public EnsureSessionClient(CommandSideInstances commandSide, ObjectMapper json) {
        this.commandSide = commandSide;
        this.json = json;
    }

    public Ensured ensure(String sessionId, Forwarded headers) {
        String path = "/internal/v1/genesys/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + "/ensure";
        HttpResponse<byte[]> response = send(path, uri -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("x-api-key", headers.apiKey())
                    .header("x-ledger-dialect", headers.dialect())
                    .header("accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (headers.requestId() != null) {
                request.header("x-request-id", headers.requestId());
            }
            if (headers.correlationId() != null) {
                request.header("x-correlation-id", headers.correlationId());
            }
            return request.build();
        });
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            throw new CommandSideRejection(status, response.body());
        }
        if (status != 200) {
            log.warn("ensure {} answered {}", sessionId, status);
            throw unavailable("the session store is not available");
        }
        try {
            return json.readValue(response.body(), Ensured.class);
        } catch (IOException e) {
            throw unavailable("the session store gave an unreadable answer");
        }
    }

    private HttpResponse<byte[]> send(String path, Function<URI, HttpRequest> request) {
        try {
            return commandSide.send(http, path, request, HttpResponse.BodyHandlers.ofByteArray(),
                    CommandSideInstances.Resend.IDEMPOTENT);
        } catch (IOException e) {
            log.warn("ensure failed: {}", e.toString());
            throw unavailable("the session store is not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static ApiException unavailable(String message) {
        return new ApiException(ApiError.unavailable(message));
    }
}
