package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.session.SessionSnapshot;
import org.springframework.http.ResponseEntity;

/** A write's answer: the session, its version as ETag, and where its last event sits on Kafka. */
final class GenesysResponses {

    static final String POSITION_HEADER = "x-ledger-position";
    static final String CONSISTENCY_HEADER = "x-ledger-consistency";

    private GenesysResponses() {
    }

    static ResponseEntity<Object> of(GenesysRequest genesys, SessionWrites.Result result) {
        SessionSnapshot session = result.outcome().session();
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok().eTag("\"" + session.version() + "\"");
        result.position().ifPresentOrElse(
                position -> builder.header(POSITION_HEADER, position.header()),
                () -> {
                    if (result.outcome().changed()) {
                        builder.header(CONSISTENCY_HEADER, "pending");
                    }
                });
        return builder.body(genesys.wrap(GenesysSessionInfo.of(session)));
    }
}
