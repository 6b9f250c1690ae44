package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kore's {@code POST .../sessions/terminate}: the end of a session, after which it can be read but not changed. */
class KoreTerminateIT extends KoreWritesContext {

    private String newSession(String reference, String userReference) {
        return session(create(identity("sessionReference", reference, "userReference", userReference)))
                .get("sessionId").asText();
    }

    @Test
    void aTerminatedSessionReadsAsTerminatedAndRefusesEveryChange() {
        String id = newSession("Se_end", "usr_end");

        Http.Response terminated = terminate(identity("sessionId", id), Map.of());
        long after = storedEvents();
        Http.Response again = terminate(identity("sessionReference", "Se_end"), Map.of());
        Http.Response byId = create(identity("sessionId", id));
        Http.Response byReference = create(identity("sessionReference", "Se_end", "userReference", "usr_end"));

        assertThat(terminated.status()).as(terminated.raw().body()).isEqualTo(200);
        assertThat(session(terminated).get("status").asText()).isEqualTo("terminated");
        assertThat(session(terminated).get("sessionId").asText()).isEqualTo(id);
        assertThat(terminated.header("etag")).isEqualTo("\"1\"");
        assertKoreError(again, 409, "session_terminated");
        assertThat(byId.status()).isEqualTo(200);
        assertThat(session(byId).get("status").asText()).isEqualTo("terminated");
        assertThat(byReference.status()).isEqualTo(200);
        assertThat(session(byReference).get("sessionId").asText()).isEqualTo(id);
        assertThat(storedEvents()).isEqualTo(after);
    }

    @Test
    void aSessionIsTerminatedByItsReferenceAndOnlyByItsOwner() {
        String id = newSession("Se_term_ref", "usr_term");
        long before = storedEvents();

        assertKoreError(terminate(identity("sessionReference", "Se_term_ref", "userReference", "usr_other"),
                Map.of()), 403, "forbidden");
        assertKoreError(terminate(identity("sessionId", id, "sessionReference", "Se_not_its"), Map.of()), 404,
                "session_not_found");
        assertThat(storedEvents()).isEqualTo(before);

        Http.Response terminated = terminate(identity("sessionReference", "Se_term_ref", "userReference", "usr_term"),
                Map.of());
        assertThat(terminated.status()).as(terminated.raw().body()).isEqualTo(200);
        assertThat(session(terminated).get("sessionId").asText()).isEqualTo(id);
    }

    @Test
    void ifMatchMakesTerminatingConditional() {
        String id = newSession("Se_versioned", "usr_versioned");
        long before = storedEvents();

        Http.Response stale = terminate(identity("sessionId", id), Map.of("If-Match", "\"3\""));
        Http.Response unreadable = terminate(identity("sessionId", id), Map.of("If-Match", "abc"));
        assertThat(storedEvents()).isEqualTo(before);
        Http.Response current = terminate(identity("sessionId", id), Map.of("If-Match", "\"0\""));

        assertKoreError(stale, 412, "precondition_failed");
        assertKoreError(unreadable, 412, "precondition_failed");
        assertThat(current.status()).as(current.raw().body()).isEqualTo(200);
        assertThat(current.header("etag")).isEqualTo("\"1\"");
    }

    @Test
    void terminatingNeedsASessionThatExistsHere() {
        JsonNode other = session(as(keys().acme(), "POST", "/api/v2/apps/kore-a/environments/prod/sessions",
                identity("sessionReference", "Se_prod_only")));
        long before = storedEvents();

        assertKoreError(terminate(identity("userReference", "usr_only"), Map.of()), 400, "invalid_request");
        assertKoreError(terminate("{}", Map.of()), 400, "invalid_request");
        assertKoreError(terminate(identity("sessionReference", "Se_never"), Map.of()), 404, "session_not_found");
        assertKoreError(terminate(identity("sessionId", "s-never"), Map.of()), 404, "session_not_found");
        assertKoreError(terminate(identity("sessionId", other.get("sessionId").asText()), Map.of()), 404,
                "session_not_found");
        assertKoreError(terminate(identity("sessionReference", "Se_prod_only"), Map.of()), 404, "session_not_found");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
