package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.support.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionProjectorTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static SessionRow apply(SessionRow row, long version, Instant time, SessionEvent event) {
        CloudEvent ce = envelope(version, time, event);
        return SessionProjector.apply(row, ce, TestEvents.CODEC.payload(ce).orElseThrow());
    }

    @Test
    void createdSetsTheWholeRowFromEventAndEnvelope() {
        SessionRow row = apply(null, 0, T0, withParties("acme", "s-1", "agent-7", "cust-9", "visit-1"));

        assertThat(row.aggregateId()).isEqualTo("acme:s-1");
        assertThat(row.agentId()).isEqualTo("agent-7");
        assertThat(row.customerId()).isEqualTo("cust-9");
        assertThat(row.visitId()).isEqualTo("visit-1");
        assertThat(row.anonymous()).isFalse();
        assertThat(row.status()).isEqualTo("idle");
        assertThat(row.dialect()).isEqualTo("genesys-v1");
        assertThat(row.createdAt()).isEqualTo(T0);
        assertThat(row.updatedAt()).isEqualTo(T0);
        assertThat(row.version()).isZero();
        assertThat(row.deleted()).isFalse();
    }

    @Test
    void sessionWithoutAgentCustomerOrVisitIsAnonymous() {
        assertThat(apply(null, 0, T0, anonymous("acme", "s-1")).anonymous()).isTrue();
    }

    @Test
    void userAssociatedChangesOnlyTheGivenFieldsAndEndsAnonymity() {
        SessionRow created = apply(null, 0, T0, withParties("acme", "s-1", "agent-7", null, null));

        SessionRow row = apply(created, 1, T1, new UserAssociated("acme", "s-1", null, "cust-9", null, "g-1", "cust-9"));

        assertThat(row.agentId()).isEqualTo("agent-7");
        assertThat(row.customerId()).isEqualTo("cust-9");
        assertThat(row.globalVisitId()).isEqualTo("g-1");
        assertThat(row.anonymous()).isFalse();
        assertThat(row.createdAt()).isEqualTo(T0);
        assertThat(row.updatedAt()).isEqualTo(T1);
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void redeliveredEventLeavesTheRowAsItWas() {
        SessionRow created = apply(null, 0, T0, anonymous("acme", "s-1"));
        SessionRow associated = apply(created, 1, T1, new UserAssociated("acme", "s-1", null, "c", null, null, "c"));

        assertThat(apply(associated, 1, T1.plusSeconds(5), new SessionDeleted("acme", "s-1"))).isSameAs(associated);
        assertThat(apply(associated, 0, T0, anonymous("acme", "s-1"))).isSameAs(associated);
    }

    @Test
    void detailsUpdateKeepsOmittedPartsAndReplacesMetadataWholly() {
        var first = JsonNodeFactory.instance.objectNode().put("a", 1).put("b", 2);
        var second = JsonNodeFactory.instance.objectNode().put("c", 3);
        SessionRow row = apply(null, 0, T0, anonymous("acme", "s-1"));
        row = apply(row, 1, T1, new SessionDetailsUpdated("acme", "s-1", new SessionDetails("n", "d", first, true), null));

        row = apply(row, 2, T1, new SessionDetailsUpdated("acme", "s-1", new SessionDetails(null, "d2", second, null), null));

        assertThat(row.name()).isEqualTo("n");
        assertThat(row.description()).isEqualTo("d2");
        assertThat(row.metadata()).isEqualTo("{\"c\":3}");
        assertThat(row.enabled()).isTrue();
    }

    @Test
    void lifecycleEventsSetStatusEndAndDeletion() {
        SessionRow row = apply(null, 0, T0, anonymous("acme", "s-1"));
        row = apply(row, 1, T0, new SessionStatusChanged("acme", "s-1", SessionStatus.IDLE, SessionStatus.BUSY));
        assertThat(row.status()).isEqualTo("busy");

        row = apply(row, 2, T1, new SessionTerminated("acme", "s-1", SessionStatus.BUSY));
        assertThat(row.status()).isEqualTo("terminated");
        assertThat(row.endedAt()).isEqualTo(T1);

        row = apply(row, 3, T1, new SessionDeleted("acme", "s-1"));
        assertThat(row.deleted()).isTrue();
        assertThat(row.version()).isEqualTo(3);
    }

    @Test
    void laterEventForASessionNeverCreatedIsNotProjected() {
        assertThat(apply(null, 4, T0, new SessionDeleted("acme", "s-1"))).isNull();
    }
}
