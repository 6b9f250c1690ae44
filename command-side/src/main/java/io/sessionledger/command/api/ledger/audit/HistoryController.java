package io.sessionledger.command.api.ledger.audit;

import io.sessionledger.command.api.web.SessionViews;
import io.sessionledger.command.audit.AsOf;
import io.sessionledger.command.audit.SessionHistory;
import io.sessionledger.dialect.SessionView;
import io.sessionledger.events.SessionRef;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A session's history from the event store, and its state at any past instant. Keys with the audit scope. */
@RestController
@Tag(name = "Ledger audit: history", description = "audit scope; a tenant's key sees its tenant, the admin key any (?tenantId=)")
public class HistoryController {

    public record HistoryPage(List<EventView> events, String next) {
    }

    public record PastSession(Instant asOf, boolean deleted, SessionView session) {
    }

    private static final int MAX_PAGE = 1000;

    private final SessionHistory history;
    private final AsOf asOf;

    public HistoryController(SessionHistory history, AsOf asOf) {
        this.history = history;
        this.asOf = asOf;
    }

    @GetMapping("/ledger/v1/sessions/{sessionId}/events")
    @Operation(summary = "Every event of a session, in order, paged (limit 1-1000, default 100; next page: ?after=<next>)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.HISTORY)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NOT_FOUND)))
    public HistoryPage events(HttpServletRequest request, @PathVariable String sessionId,
                              @RequestParam(required = false) String tenantId,
                              @RequestParam(required = false) String limit,
                              @RequestParam(required = false) String after) {
        String aggregateId = AuditAccess.session(request, sessionId, tenantId);
        int size = (int) AuditAccess.optional("limit", limit, 1, MAX_PAGE, 100);
        long from = AuditAccess.optional("after", after, 0, Long.MAX_VALUE - 1, -1);
        SessionHistory.Page page = history.page(aggregateId, from, size);
        if (page.events().isEmpty() && (from < 0 || !history.exists(aggregateId))) {
            throw notFound(aggregateId);
        }
        return new HistoryPage(page.events().stream().map(EventView::of).toList(),
                page.nextAfter() == null ? null : page.nextAfter().toString());
    }

    @GetMapping("/ledger/v1/sessions/{sessionId}")
    @Operation(summary = "A session as it was at an instant (?asOf=, ISO-8601; now when absent), folded from its events")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.AS_OF)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "no such session, or it did not exist yet at that instant",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NOT_FOUND)))
    public PastSession asOf(HttpServletRequest request, @PathVariable String sessionId,
                            @RequestParam(required = false) String tenantId,
                            @RequestParam(name = "asOf", required = false) String instant) {
        String aggregateId = AuditAccess.session(request, sessionId, tenantId);
        Instant at = instant(instant);
        AsOf.Past past = asOf.at(aggregateId, at).orElseThrow(() -> notFound(aggregateId));
        return new PastSession(at, past.deleted(), SessionViews.of(past.session()));
    }

    private static Instant instant(String value) {
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw new ApiException(ApiError.badField("asOf", "asOf is an ISO-8601 instant, e.g. 2026-12-01T09:30:00Z"));
            }
        }
    }

    private static ApiException notFound(String aggregateId) {
        SessionRef ref = SessionRef.parse(aggregateId);
        return new ApiException(ApiError.notFound("no session " + ref.sessionId() + " in tenant " + ref.tenantId()));
    }
}
