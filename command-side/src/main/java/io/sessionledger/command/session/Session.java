package io.sessionledger.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sessionledger.command.session.SessionRejected.Reason;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.PersonalDataErased;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
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
 * Dialects never reach in here; the command handler loads it and calls these methods, one per command.
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

    /** An empty session that events (or a first command) bring to life. */
    public static Session empty() {
        return new Session();
    }

    protected Session() {
        // for Axon
    }

    public static Session create(CreateSession command) {
        Session session = new Session();
        session.applyCreated(command.ref(), command.scope(), command.parties(), command.keys(),
                command.details());
        return session;
    }

    /** Get-or-create. Returns true when this call created the session. */
    public boolean ensure(SessionRef requested) {
        if (exists()) {
            requireNotDeleted();
            return false;
        }
        applyCreated(requested, SessionScope.TENANT, Parties.NONE, ExternalKeys.NONE, SessionDetails.NONE);
        return true;
    }

    /** Associates a recognised user; creates the session first if it is unknown. Returns true when created. */
    public boolean associate(AssociateUser command) {
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

    /** The session as it is, if the caller may see it. */
    public SessionSnapshot lookUp(LookUpSession command) {
        requireVisible(command.within());
        if (command.owner() != null && !command.owner().equals(parties.userReference())) {
            throw new SessionRejected(Reason.OWNER_MISMATCH, "the session belongs to another user reference");
        }
        return snapshot();
    }

    public void updateDetails(UpdateSessionDetails command) {
        requireWritable(command.within(), command.expectedVersion());
        SessionDetails requested = command.details();
        SessionDetails changes = new SessionDetails(changed(details.name(), requested.name()),
                changed(details.description(), requested.description()),
                changed(details.metadata(), requested.metadata()), changed(details.enabled(), requested.enabled()));
        if (!changes.equals(SessionDetails.NONE)) {
            apply(new SessionDetailsUpdated(ref.tenantId(), ref.sessionId(), changes, subjectOf(parties.customerId())));
        }
    }

    public void changeStatus(ChangeSessionStatus command) {
        requireWritable(command.within(), command.expectedVersion());
        if (command.to() == SessionStatus.TERMINATED) {
            throw new IllegalArgumentException("terminating a session is TerminateSession");
        }
        if (command.to() != status) {
            apply(new SessionStatusChanged(ref.tenantId(), ref.sessionId(), status, command.to()));
        }
    }

    public void terminate(TerminateSession command) {
        requireWritable(command.within(), command.expectedVersion());
        apply(new SessionTerminated(ref.tenantId(), ref.sessionId(), status));
    }

    /** Deleting hides a session, terminated or not; its history stays. */
    public void delete(DeleteSession command) {
        requireVisible(command.within());
        requireVersion(command.expectedVersion());
        apply(new SessionDeleted(ref.tenantId(), ref.sessionId()));
    }

    /**
     * Records that the subject's data is erased, when the session holds any personal data at all; a second
     * erasure then finds nothing and records nothing. The keys are destroyed after this event is stored, so
     * state rebuilt from the store later reads the sealed fields as absent either way.
     */
    public void erasePersonalData(ErasePersonalData command) {
        if (exists() && holdsPersonalData()) {
            apply(new PersonalDataErased(ref.tenantId(), ref.sessionId(), command.subjectRef()));
        }
    }

    private boolean holdsPersonalData() {
        return parties.agentId() != null || parties.customerId() != null || parties.userReference() != null
                || parties.userId() != null || keys.visitId() != null || keys.globalVisitId() != null
                || details.name() != null || details.description() != null || details.metadata() != null;
    }

    public SessionSnapshot snapshot() {
        return new SessionSnapshot(ref, scope, parties, keys, details, status, createdAt, updatedAt, endedAt, version);
    }

    public boolean exists() {
        return ref != null;
    }

    private void applyCreated(SessionRef newRef, SessionScope newScope, Parties newParties, ExternalKeys newKeys,
                              SessionDetails newDetails) {
        apply(new SessionCreated(newRef.tenantId(), newRef.sessionId(), newScope, newParties, newKeys, newDetails,
                SessionStatus.IDLE, subjectOf(newRef, newParties)));
    }

    private String subjectOf(String customerId) {
        return subjectOf(ref, new Parties(null, customerId, parties.userReference(), null));
    }

    /**
     * Whose personal data the session holds: its customer, else its user, else the session itself (a session
     * nobody is named in, erasable as {@code session:<sessionId>}). The event carries it in clear only in memory:
     * it is stored and published as a keyed hash.
     */
    private static String subjectOf(SessionRef session, Parties who) {
        if (who.customerId() != null) {
            return who.customerId();
        }
        return who.userReference() != null ? who.userReference() : "session:" + session.aggregateId();
    }

    /** Outside its scope (another app, environment or agent) a session does not exist for the caller. */
    private void requireVisible(SessionScope within) {
        if (!exists() || deleted || (within != null && !within.equals(scope))) {
            throw new SessionRejected(Reason.NOT_FOUND, "session not found");
        }
    }

    private void requireWritable(SessionScope within, Long expectedVersion) {
        requireVisible(within);
        requireVersion(expectedVersion);
        requireNotTerminated();
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

    private static <T> T changed(T current, T requested) {
        return requested != null && !Objects.equals(current, requested) ? requested : null;
    }

    @EventSourcingHandler
    void on(SessionCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ref = new SessionRef(event.tenantId(), event.sessionId());
        aggregateId = ref.aggregateId();
        scope = event.scope() == null ? SessionScope.TENANT : event.scope();
        parties = event.parties() == null ? Parties.NONE : event.parties();
        keys = event.keys() == null ? ExternalKeys.NONE : event.keys();
        details = event.details() == null ? SessionDetails.NONE : event.details();
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

    @EventSourcingHandler
    void on(SessionDetailsUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        SessionDetails changes = event.details();
        details = new SessionDetails(firstNonNull(changes.name(), details.name()),
                firstNonNull(changes.description(), details.description()),
                firstNonNull(changes.metadata(), details.metadata()), firstNonNull(changes.enabled(), details.enabled()));
        touch(sequence, at);
    }

    @EventSourcingHandler
    void on(SessionStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status = event.to();
        touch(sequence, at);
    }

    @EventSourcingHandler
    void on(SessionTerminated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status = SessionStatus.TERMINATED;
        endedAt = at;
        touch(sequence, at);
    }

    @EventSourcingHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        parties = new Parties(null, null, null, null);
        keys = new ExternalKeys(null, null, keys.sessionReference(), keys.key());
        details = new SessionDetails(null, null, null, details.enabled());
        touch(sequence, at);
    }

    @EventSourcingHandler
    void on(SessionDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        deleted = true;
        touch(sequence, at);
    }

    private void touch(long sequence, Instant at) {
        version = sequence;
        updatedAt = at;
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
