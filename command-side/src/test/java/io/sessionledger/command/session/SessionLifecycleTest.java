package io.sessionledger.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.command.handling.SessionCommandHandler;
import io.sessionledger.command.publishing.PublicationTracker;
import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle after creation: details, status, termination, deletion, scope and owner checks. */
class SessionLifecycleTest {

    private static final SessionRef REF = new SessionRef("acme", "s-1");
    private static final SessionScope AGENT = new SessionScope(null, null, "support");
    private static final SessionScope APP = new SessionScope("app-1", "prod", null);

    private final InMemoryUniqueKeys keys = new InMemoryUniqueKeys();
    private final Map<String, String> claimed = keys.claimed;
    private AggregateTestFixture<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerAnnotatedCommandHandler(
                new SessionCommandHandler(fixture.getRepository(), keys, new PublicationTracker()));
    }

    private static SessionCreated vectaraSession() {
        return new SessionCreated("acme", "s-1", AGENT, Parties.NONE, new ExternalKeys(null, null, null, "k-1"),
                new SessionDetails("Chat", null, null, true), SessionStatus.IDLE, "session:acme:s-1");
    }

    private static SessionCreated koreSession() {
        return new SessionCreated("acme", "s-1", APP, new Parties(null, null, "user-1", "u-1"),
                new ExternalKeys(null, null, "ref-1", null), SessionDetails.NONE, SessionStatus.IDLE,
                "session:acme:s-1");
    }

    @Test
    void detailsUpdateRecordsOnlyWhatChangedAndReplacesMetadataWholly() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("topic", "billing");
        fixture.given(vectaraSession())
                .when(new UpdateSessionDetails(REF, AGENT, new SessionDetails("Chat", "new", metadata, null), 0L))
                .expectEvents(new SessionDetailsUpdated("acme", "s-1",
                        new SessionDetails(null, "new", metadata, null), "session:acme:s-1"));
    }

    @Test
    void anUpdateThatChangesNothingAppendsNothing() {
        fixture.given(vectaraSession())
                .when(new UpdateSessionDetails(REF, AGENT, new SessionDetails("Chat", null, null, true), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(vectaraSession(), new SessionStatusChanged("acme", "s-1", SessionStatus.IDLE, SessionStatus.BUSY))
                .when(new UpdateSessionDetails(REF, AGENT, new SessionDetails("Other", null, null, null), 0L))
                .expectException(SessionRejected.class)
                .expectNoEvents()
                .expectExceptionMessage("the session is at version 1, not 0");
    }

    @Test
    void aSessionOutsideTheCallersScopeIsNotFound() {
        fixture.given(vectaraSession())
                .when(new DeleteSession(REF, new SessionScope(null, null, "sales"), null))
                .expectException(SessionRejected.class)
                .expectNoEvents();
    }

    @Test
    void statusChangesAreRecordedWithTheirOrigin() {
        fixture.given(koreSession())
                .when(new ChangeSessionStatus(REF, APP, SessionStatus.BUSY, null))
                .expectEvents(new SessionStatusChanged("acme", "s-1", SessionStatus.IDLE, SessionStatus.BUSY));
    }

    @Test
    void aTerminatedSessionRefusesEveryWrite() {
        fixture.given(koreSession(), new SessionTerminated("acme", "s-1", SessionStatus.IDLE))
                .when(new TerminateSession(REF, APP, null))
                .expectException(SessionRejected.class)
                .expectNoEvents();
        fixture.given(koreSession(), new SessionTerminated("acme", "s-1", SessionStatus.IDLE))
                .when(new ChangeSessionStatus(REF, APP, SessionStatus.BUSY, null))
                .expectException(SessionRejected.class);
    }

    @Test
    void terminationRecordsTheStatusItEnded() {
        fixture.given(koreSession(), new SessionStatusChanged("acme", "s-1", SessionStatus.IDLE, SessionStatus.BUSY))
                .when(new TerminateSession(REF, APP, 1L))
                .expectEvents(new SessionTerminated("acme", "s-1", SessionStatus.BUSY));
    }

    @Test
    void deletionHidesTheSessionAndFreesItsKey() {
        claimed.put(UniqueKey.sessionKey("acme", "support", "k-1").hash(), REF.aggregateId());
        fixture.given(vectaraSession())
                .when(new DeleteSession(REF, AGENT, null))
                .expectEvents(new SessionDeleted("acme", "s-1"));
        assertThat(claimed).isEmpty();

        fixture.given(vectaraSession(), new SessionDeleted("acme", "s-1"))
                .when(new LookUpSession(REF, AGENT, null))
                .expectException(SessionRejected.class);
    }

    @Test
    void lookUpChecksTheOwner() {
        fixture.given(koreSession())
                .when(new LookUpSession(REF, APP, "user-2"))
                .expectException(SessionRejected.class)
                .expectExceptionMessage("the session belongs to another user reference");
        fixture.given(koreSession())
                .when(new LookUpSession(REF, APP, "user-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownSessionIsNotFoundAndNotCreated() {
        fixture.givenNoPriorActivity()
                .when(new TerminateSession(REF, null, null))
                .expectException(SessionRejected.class)
                .expectNoEvents();
    }
}
