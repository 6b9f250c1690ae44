package io.sessionledger.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sessionledger.command.session.SessionRejected.Reason;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.UserAssociated;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The session aggregate: decides in its methods, changes state only in event sourcing handlers.
 * Dialects never reach in here; {@link SessionCommandHandler} translates commands into these calls.
 */
@Aggregate(repository = "sessionRepository")
public class Session {

    @AggregateIdentifier
    private String aggregateId;
    private SessionRef ref;
    private SessionScope scope;
    private Parties parties;
    private ExternalKeys keys;
    private SessionDetails details;
    private SessionStatus status;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant endedAt;
    private boolean deleted;
    private long version = -1;

    protected Session() {
        // for Axon: an empty session that events (or a first command) bring to life
    }

    static Session create(CreateSession command) {
        Session session = new Session();
        session.applyCreated(command.ref(), command.scope(), command.parties(), command.keys(),
                command.details());
        return session;
    }

    /** Get-or-create. Returns true when this call created the session. */
    boolean ensure(SessionRef requested) {
        if (exists()) {
            requireNotDeleted();
            return false;
        }
        applyCreated(requested, SessionScope.TENANT, Parties.NONE, ExternalKeys.NONE, SessionDetails.NONE);
        return true;
    }

    /** Associates a recognised user; creates the session first if it is unknown. Returns true when created. */
    boolean associate(AssociateUser command) {
        if (!exists()) {
            applyCreated(command.ref(), SessionScope.TENANT,
                    new Parties(command.agentId(), command.customerId(), null, null),
                    new ExternalKeys(command.visitId(), command.globalVisitId(), null, null),
                    SessionDetails.NONE);
            return true;
        }
        requireNotDeleted();
        requireVersion(command.expectedVersion());
        requireNotTerminated();
        requireSameOrNew(parties.customerId(), command.customerId(), Reason.CUSTOMER_CONFLICT,
                "the session is already associated with another customer");
        requireSameOrNew(keys.visitId(), command.visitId(), Reason.VISIT_CONFLICT,
                "the session already has another visitId");
        requireSameOrNew(keys.globalVisitId(), command.globalVisitId(), Reason.VISIT_CONFLICT,
                "the session already has another globalVisitId");
        String agent = changed(parties.agentId(), command.agentId());
        String customer = changed(parties.customerId(), command.customerId());
        String visit = changed(keys.visitId(), command.visitId());
        String globalVisit = changed(keys.globalVisitId(), command.globalVisitId());
        if (agent != null || customer != null || visit != null || globalVisit != null) {
            String subject = customer != null ? customer : subjectOf(parties.customerId());
            apply(new UserAssociated(ref.tenantId(), ref.sessionId(), agent, customer, visit, globalVisit, subject));
        }
        return false;
    }

    SessionSnapshot snapshot() {
        return new SessionSnapshot(ref, scope, parties, keys, details, status, createdAt, updatedAt, endedAt, version);
    }

    boolean exists() {
        return ref != null;
    }

    private void applyCreated(SessionRef newRef, SessionScope newScope, Parties newParties, ExternalKeys newKeys,
                              SessionDetails newDetails) {
        apply(new SessionCreated(newRef.tenantId(), newRef.sessionId(), newScope, newParties, newKeys, newDetails,
                SessionStatus.IDLE, newParties.customerId() != null ? newParties.customerId()
                        : "session:" + newRef.aggregateId()));
    }

    private String subjectOf(String customerId) {
        return customerId != null ? customerId : "session:" + aggregateId;
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new SessionRejected(Reason.NOT_FOUND, "session not found");
        }
    }

    private void requireNotTerminated() {
        if (status == SessionStatus.TERMINATED) {
            throw new SessionRejected(Reason.TERMINATED, "the session is terminated and cannot change");
        }
    }

    private void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new SessionRejected(Reason.VERSION_MISMATCH,
                    "the session is at version " + version + ", not " + expected);
        }
    }

    private static void requireSameOrNew(String current, String requested, Reason reason, String message) {
        if (current != null && requested != null && !current.equals(requested)) {
            throw new SessionRejected(reason, message);
        }
    }

    private static String changed(String current, String requested) {
        return requested != null && !Objects.equals(current, requested) ? requested : null;
    }

    @EventSourcingHandler
    void on(SessionCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ref = new SessionRef(event.tenantId(), event.sessionId());
        aggregateId = ref.aggregateId();
        scope = event.scope();
        parties = event.parties();
        keys = event.keys();
        details = event.details();
        status = event.status();
        createdAt = at;
        touch(sequence, at);
    }

    @EventSourcingHandler
    void on(UserAssociated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        parties = new Parties(firstNonNull(event.agentId(), parties.agentId()),
                firstNonNull(event.customerId(), parties.customerId()), parties.userReference(), parties.userId());
        keys = new ExternalKeys(firstNonNull(event.visitId(), keys.visitId()),
                firstNonNull(event.globalVisitId(), keys.globalVisitId()), keys.sessionReference(), keys.key());
        touch(sequence, at);
    }

    private void touch(long sequence, Instant at) {
        version = sequence;
        updatedAt = at;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
