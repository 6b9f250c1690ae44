package io.sessionledger.query.api.ledger;

import io.sessionledger.query.projection.ProjectionRebuild;
import io.sessionledger.dialect.ledger.LedgerExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ledger admin: rebuild the SessionInfo projection from the topic, and watch its progress. Admin key only. */
@RestController
@RequestMapping("/ledger/v1/projections/session-info")
@Tag(name = "Ledger admin: projections", description = "admin key only")
public class ProjectionController {

    private final ProjectionRebuild rebuild;

    public ProjectionController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the SessionInfo read model from the topic; answers at once with the progress",
            description = "Projects the whole topic into a shadow table while reads go on being served, with "
                    + "read-your-writes, from the live one; once the shadow has caught up with the live projection "
                    + "it replaces it in one transaction. A rebuild already running is not started again.")
    @ApiResponse(responseCode = "401", description = "not the admin key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    public ResponseEntity<ProjectionRebuild.Status> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping
    @Operation(summary = "Progress of the current or last rebuild")
    @ApiResponse(responseCode = "401", description = "not the admin key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    public ProjectionRebuild.Status status() {
        return rebuild.status();
    }
}
