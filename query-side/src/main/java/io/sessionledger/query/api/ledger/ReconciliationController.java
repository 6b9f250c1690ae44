package io.sessionledger.query.api.ledger;

import io.sessionledger.dialect.ledger.LedgerExamples;
import io.sessionledger.query.reconciliation.Reconciliation;
import io.sessionledger.query.reconciliation.Report;
import io.sessionledger.query.reconciliation.StoreLookup;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ledger admin: reconciles the event store, the publisher, the topic and the read model. It lives on the query
 * side, which sees the topic and the read model, and asks the command side for the store with the caller's key.
 */
@RestController
@Tag(name = "Ledger admin: projections", description = "admin key only")
public class ReconciliationController {

    static final String CONSISTENT = "{\"consistent\":true,\"store\":{\"events\":3,\"highestGlobalIndex\":3,"
            + "\"sessions\":2,\"publisher\":{\"processor\":\"kafka-publisher\",\"position\":3,\"gaps\":[],"
            + "\"eventsPassed\":3,\"eventsBehind\":0}},\"topic\":{\"name\":\"session-events\",\"records\":3,"
            + "\"partitions\":[{\"partition\":0,\"beginning\":0,\"end\":2},{\"partition\":1,\"beginning\":0,"
            + "\"end\":1}]},\"readModel\":{\"sessions\":2,\"partitions\":[{\"partition\":0,\"nextOffset\":2,"
            + "\"end\":2,\"behind\":0},{\"partition\":1,\"nextOffset\":1,\"end\":1,\"behind\":0}],"
            + "\"deadLetters\":{\"topic\":\"session-events.dlq\",\"waiting\":0,\"byReason\":{},\"replayed\":0}},"
            + "\"differences\":[]}";
    static final String NEVER_PUBLISHED = "{\"consistent\":false,\"store\":{\"events\":4,\"highestGlobalIndex\":3,"
            + "\"sessions\":3,\"publisher\":{\"processor\":\"kafka-publisher\",\"position\":3,\"gaps\":[],"
            + "\"eventsPassed\":4,\"eventsBehind\":0}},\"topic\":{\"name\":\"session-events\",\"records\":3,"
            + "\"partitions\":[{\"partition\":0,\"beginning\":0,\"end\":2},{\"partition\":1,\"beginning\":0,"
            + "\"end\":1}]},\"readModel\":{\"sessions\":2,\"partitions\":[{\"partition\":0,\"nextOffset\":2,"
            + "\"end\":2,\"behind\":0},{\"partition\":1,\"nextOffset\":1,\"end\":1,\"behind\":0}],"
            + "\"deadLetters\":{\"topic\":\"session-events.dlq\",\"waiting\":0,\"byReason\":{},\"replayed\":0}},"
            + "\"differences\":[\"1 event(s) the publisher has gone past are not on the topic: committed in the "
            + "store but never published (Axon's gap timeout, SPEC 2); the store has 4 event(s) up to global "
            + "index 3, the topic 3 record(s)\",\"the store holds 3 session(s), the read model 2, although the "
            + "read model has projected the whole topic\"]}";
    static final String UNAVAILABLE =
            "{\"code\":\"unavailable\",\"description\":\"the event store cannot be asked: the command side answered 503\"}";

    private final Reconciliation reconciliation;

    public ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/ledger/v1/reconciliation")
    @Operation(summary = "Compare the event store, the publisher, the topic and the read model",
            description = "Counts and last positions of each: the store's events and highest global index, the "
                    + "publisher's token (events committed but not yet published), the topic's offsets per "
                    + "partition and its records, the read model's sessions, stored offsets and dead letters (records "
                    + "it could not apply, waiting for a replay). Every difference "
                    + "is named in plain words; an event committed behind the publisher's back (Axon's gap "
                    + "timeout) shows as one the publisher has gone past but that is not on the topic.")
    @ApiResponse(responseCode = "200", description = "the comparison", content = @Content(
            mediaType = "application/json", examples = {
                    @ExampleObject(name = "consistent", value = CONSISTENT),
                    @ExampleObject(name = "an event never published", value = NEVER_PUBLISHED)}))
    @ApiResponse(responseCode = "401", description = "not the admin key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "503", description = "the command side could not be asked", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = UNAVAILABLE)))
    public Report reconcile(@RequestHeader("x-api-key") String apiKey) {
        try {
            return reconciliation.run(apiKey);
        } catch (StoreLookup.Unavailable e) {
            throw new ApiException(ApiError.unavailable("the event store cannot be asked: " + e.getMessage()));
        }
    }
}
