package io.sessionledger.query.api.ledger;

import io.sessionledger.query.projection.ProjectionRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ledger admin: rebuild the SessionInfo projection from the topic, and watch its progress. Admin key only. */
@RestController
@RequestMapping("/ledger/v1/projections/session-info")
public class ProjectionController {

    private final ProjectionRebuild rebuild;

    public ProjectionController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    public ResponseEntity<ProjectionRebuild.Status> rebuild() throws Exception {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping
    public ProjectionRebuild.Status status() {
        return rebuild.status();
    }
}
