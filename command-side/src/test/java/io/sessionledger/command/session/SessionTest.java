package io.sessionledger.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.command.handling.SessionCommandHandler;
import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.UserAssociated;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final SessionRef REF = new SessionRef("acme", "s-1");

    private final InMemoryUniqueKeys keys = new InMemoryUniqueKeys();
    private final Map<String, String> claimed = keys.claimed;
    private AggregateTestFixture<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerAnnotatedCommandHandler(new SessionCommandHandler(fixture.getRepository(), keys,
                new io.sessionledger.command.publishing.PublicationTracker()));
    }

    private static SessionCreated anonymous() {
        return new SessionCreated("acme", "s-1", SessionScope.TENANT, Parties.NONE, ExternalKeys.NONE,
                SessionDetails.NONE, SessionStatus.IDLE, "session:acme:s-1");
    }

    @Test
    void createRecordsTheWholeInitialState() {
        fixture.givenNoPriorActivity()
                .when(new CreateSession(REF, SessionScope.TENANT, new Parties("a-1", "c-1", null, null),
                        new ExternalKeys("v-1", null, null, null), SessionDetails.NONE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SessionCreated("acme", "s-1", SessionScope.TENANT,
                        new Parties("a-1", "c-1", null, null), new ExternalKeys("v-1", null, null, null),
                        SessionDetails.NONE, SessionStatus.IDLE, "c-1"));
        assertThat(claimed).containsValue("acme:s-1");
    }

    @Test
    void ensureOfAnUnknownIdCreatesAnAnonymousSession() {
        fixture.givenNoPriorActivity()
                .when(new EnsureSession(REF))
                .expectEvents(anonymous())
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches(
                        result -> ((SessionOutcome) result).created()
                                && ((SessionOutcome) result).session().anonymous()));
    }

    @Test
    void ensureOfAKnownIdChangesNothing() {
        fixture.given(anonymous())
                .when(new EnsureSession(REF))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches(
                        result -> !((SessionOutcome) result).created() && !((SessionOutcome) result).changed()));
    }

    @Test
    void associatingACustomerWithAnAnonymousSessionRecordsIt() {
        fixture.given(anonymous())
                .when(new AssociateUser(REF, "a-1", "c-1", "v-1", null, null))
                .expectEvents(new UserAssociated("acme", "s-1", "a-1", "c-1", "v-1", null, "c-1"));
    }

    @Test
    void associatingTheSameCustomerAgainChangesNothing() {
        fixture.given(anonymous(), new UserAssociated("acme", "s-1", null, "c-1", null, null, "c-1"))
                .when(new AssociateUser(REF, null, "c-1", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDifferentCustomerIsRejected() {
        fixture.given(anonymous(), new UserAssociated("acme", "s-1", null, "c-1", null, null, "c-1"))
                .when(new AssociateUser(REF, null, "c-2", null, null, null))
                .expectException(SessionRejected.class)
                .expectExceptionMessage("the session is already associated with another customer")
                .expectNoEvents();
    }

    @Test
    void aSecondVisitIdIsRejected() {
        fixture.given(anonymous(), new UserAssociated("acme", "s-1", null, null, "v-1", null, "session:acme:s-1"))
                .when(new AssociateUser(REF, null, null, "v-2", null, null))
                .expectException(SessionRejected.class)
                .expectNoEvents();
    }

    @Test
    void aStaleIfMatchVersionIsRejected() {
        fixture.given(anonymous())
                .when(new AssociateUser(REF, null, "c-1", null, null, 5L))
                .expectException(SessionRejected.class)
                .expectNoEvents();
    }

    @Test
    void associatingAnUnknownIdCreatesTheSessionWithTheUser() {
        fixture.givenNoPriorActivity()
                .when(new AssociateUser(REF, "a-1", "c-1", null, "g-1", null))
                .expectEvents(new SessionCreated("acme", "s-1", SessionScope.TENANT,
                        new Parties("a-1", "c-1", null, null), new ExternalKeys(null, "g-1", null, null),
                        SessionDetails.NONE, SessionStatus.IDLE, "c-1"));
    }

    @Test
    void aVisitIdOwnedByAnotherSessionIsRejected() {
        claimed.put(new UniqueKey(UniqueKey.Kind.VISIT_ID, "acme", "v-1").hash(), "acme:other");
        fixture.given(anonymous())
                .when(new AssociateUser(REF, null, null, "v-1", null, null))
                .expectException(SessionRejected.class)
                .expectExceptionMessage("visitId 'v-1' already belongs to another session");
    }
}
