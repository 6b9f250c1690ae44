package io.sessionledger.query.api.ledger;

import io.sessionledger.dialect.ledger.LedgerExamples;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.deadletter.DeadLetterProperties;
import io.sessionledger.query.deadletter.DeadLetterReplay;
import io.sessionledger.query.projection.DeadLetterRepository;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ledger admin: the records the projection could not apply, waiting in the dead-letter topic, and their replay
 * once this version of the query side can apply them. Admin key only.
 */
@RestController
@RequestMapping("/ledger/v1/dead-letters")
@Tag(name = "Ledger admin: projections", description = "admin key only")
public class DeadLetterController {

    /** What waits, by reason, and the first of them in topic order. */
    public record Waiting(String topic, String deadLetterTopic, Map<String, Long> waiting, long replayed,
                          List<DeadLetterRepository.Row> first) {
    }

    static final int LISTED = 100;
    static final String WAITING = "{\"topic\":\"session-events\",\"deadLetterTopic\":\"session-events.dlq\","
            + "\"waiting\":{\"unknown-type\":1,\"behind-dead-letter\":1},\"replayed\":0,\"first\":[{\"topic\":"
            + "\"session-events\",\"partition\":2,\"offset\":41,\"key\":\"acme:s-1\",\"reason\":\"unknown-type\","
            + "\"eventType\":\"session.transferred\",\"detail\":\"this version of the query side does not know the "
            + "event type session.transferred\",\"deadLetteredAt\":\"2026-03-01T10:00:00Z\",\"replayedAt\":null},"
            + "{\"topic\":\"session-events\",\"partition\":2,\"offset\":42,\"key\":\"acme:s-1\",\"reason\":"
            + "\"behind-dead-letter\",\"eventType\":\"session.status-changed\",\"detail\":\"an earlier event of "
            + "session acme:s-1 waits in the dead-letter topic\",\"deadLetteredAt\":\"2026-03-01T10:00:01Z\","
            + "\"replayedAt\":null}]}";
    static final String UNAVAILABLE = "{\"code\":\"unavailable\",\"description\":\"the dead-letter topic cannot be "
            + "read now: ...\"}";
    static final String REPLAYED = "{\"replayed\":2,\"waiting\":{},\"notOnTopic\":0}";

    private final DeadLetterRepository deadLetters;
    private final DeadLetterReplay replay;
    private final String topic;
    private final String deadLetterTopic;

    public DeadLetterController(DeadLetterRepository deadLetters, DeadLetterReplay replay, LedgerProperties ledger,
                                DeadLetterProperties settings) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.topic = ledger.topic();
        this.deadLetterTopic = settings.topic();
    }

    @GetMapping
    @Operation(summary = "The records the projection could not apply and that wait in the dead-letter topic",
            description = "Counts by reason (unknown-type, malformed, empty, orphan, behind-dead-letter: a later event "
                    + "of a session held back so that its events are applied in order), how many were replayed, and "
                    + "the first " + LISTED + " waiting in topic order.")
    @ApiResponse(responseCode = "200", description = "what waits", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = WAITING)))
    @ApiResponse(responseCode = "401", description = "not the admin key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    public Waiting waiting() {
        List<DeadLetterRepository.Row> all = deadLetters.waiting(topic);
        return new Waiting(topic, deadLetterTopic, deadLetters.waitingByReason(topic), deadLetters.replayed(topic),
                all.subList(0, Math.min(LISTED, all.size())));
    }

    @PostMapping("/replay")
    @Operation(summary = "Apply the waiting dead letters this version can apply now",
            description = "Reads the dead-letter topic and applies, session by session, the waiting records this "
                    + "version understands, in the order of their sequence; a record it still cannot apply, and "
                    + "every later one of its session, keeps waiting. Safe to repeat and to run on several instances "
                    + "at once. The query side also does this by itself every ledger.dead-letters.replay-interval.")
    @ApiResponse(responseCode = "200", description = "what was applied and what still waits", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = REPLAYED)))
    @ApiResponse(responseCode = "401", description = "not the admin key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "503", description = "the dead-letter topic could not be read", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = UNAVAILABLE)))
    public DeadLetterReplay.Result replay() {
        try {
            return replay.replay();
        } catch (KafkaException | IllegalStateException e) {
            throw new ApiException(ApiError.unavailable("the dead-letter topic cannot be read now: " + e.getMessage()));
        }
    }
}
