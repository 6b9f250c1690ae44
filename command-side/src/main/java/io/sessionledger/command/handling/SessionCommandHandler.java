package io.sessionledger.command.handling;

import io.sessionledger.command.publishing.PublicationTracker;
import io.sessionledger.command.session.AssociateUser;
import io.sessionledger.command.session.ChangeSessionStatus;
import io.sessionledger.command.session.CreateSession;
import io.sessionledger.command.session.DeleteSession;
import io.sessionledger.command.session.EnsureSession;
import io.sessionledger.command.session.ErasePersonalData;
import io.sessionledger.command.session.LookUpSession;
import io.sessionledger.command.session.Session;
import io.sessionledger.command.session.SessionOutcome;
import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.command.session.SessionSnapshot;
import io.sessionledger.command.session.TerminateSession;
import io.sessionledger.command.session.UpdateSessionDetails;
import io.sessionledger.command.uniqueness.UniqueKeys;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Runs session commands inside one unit of work (one transaction): loads or creates the aggregate, lets it
 * decide, and claims any new external key in the same transaction as the events, so that two concurrent claims
 * of one key end in one success and one {@link SessionRejected}.
 */
@Component
public class SessionCommandHandler {

    private final Repository<Session> sessions;
    private final ExternalKeyClaims claims;
    private final PublicationTracker publications;

    public SessionCommandHandler(Repository<Session> sessionRepository, UniqueKeys uniqueKeys,
                                 PublicationTracker publications) {
        this.sessions = sessionRepository;
        this.claims = new ExternalKeyClaims(uniqueKeys);
        this.publications = publications;
    }

    @CommandHandler
    public SessionOutcome handle(CreateSession command) throws Exception {
        Aggregate<Session> aggregate = sessions.newInstance(() -> Session.create(command));
        SessionSnapshot after = aggregate.invoke(Session::snapshot);
        claims.claimNew(null, after);
        return appended(new SessionOutcome(after, true, true));
    }

    @CommandHandler
    public SessionOutcome handle(EnsureSession command) throws Exception {
        Aggregate<Session> aggregate = sessions.loadOrCreate(command.ref().aggregateId(), Session::empty);
        boolean created = aggregate.invoke(session -> session.ensure(command.ref()));
        return appended(new SessionOutcome(aggregate.invoke(Session::snapshot), created, created));
    }

    @CommandHandler
    public SessionOutcome handle(AssociateUser command) throws Exception {
        Aggregate<Session> aggregate = sessions.loadOrCreate(command.ref().aggregateId(), Session::empty);
        SessionSnapshot before = aggregate.invoke(session -> session.exists() ? session.snapshot() : null);
        boolean created = aggregate.invoke(session -> session.associate(command));
        SessionSnapshot after = aggregate.invoke(Session::snapshot);
        claims.claimNew(before, after);
        boolean changed = created || before.version() != after.version();
        return appended(new SessionOutcome(after, created, changed));
    }

    @CommandHandler
    public SessionOutcome handle(LookUpSession command) throws Exception {
        SessionSnapshot session = existing(command.ref().aggregateId()).invoke(found -> found.lookUp(command));
        return new SessionOutcome(session, false, false);
    }

    @CommandHandler
    public SessionOutcome handle(UpdateSessionDetails command) throws Exception {
        return change(command.ref().aggregateId(), session -> session.updateDetails(command));
    }

    @CommandHandler
    public SessionOutcome handle(ChangeSessionStatus command) throws Exception {
        return change(command.ref().aggregateId(), session -> session.changeStatus(command));
    }

    @CommandHandler
    public SessionOutcome handle(TerminateSession command) throws Exception {
        return change(command.ref().aggregateId(), session -> session.terminate(command));
    }

    @CommandHandler
    public SessionOutcome handle(DeleteSession command) throws Exception {
        SessionOutcome outcome = change(command.ref().aggregateId(), session -> session.delete(command));
        claims.releaseReusable(outcome.session());
        return outcome;
    }

    @CommandHandler
    public SessionOutcome handle(ErasePersonalData command) throws Exception {
        return change(command.ref().aggregateId(), session -> session.erasePersonalData(command));
    }

    private SessionOutcome change(String aggregateId, Consumer<Session> decision) throws Exception {
        Aggregate<Session> aggregate = existing(aggregateId);
        long before = aggregate.invoke(Session::snapshot).version();
        aggregate.execute(decision);
        SessionSnapshot after = aggregate.invoke(Session::snapshot);
        return appended(new SessionOutcome(after, false, after.version() != before));
    }

    /** An unknown id is not found: unlike Genesys' get-or-create, these commands never create. */
    private Aggregate<Session> existing(String aggregateId) throws Exception {
        Aggregate<Session> aggregate = sessions.loadOrCreate(aggregateId, Session::empty);
        if (!aggregate.invoke(Session::exists)) {
            throw new SessionRejected(SessionRejected.Reason.NOT_FOUND, "session not found");
        }
        return aggregate;
    }

    /**
     * Tells the tracker, once committed and before the aggregate's lock is released, that a version awaits
     * publication: a concurrent request that then finds nothing to change still waits for it.
     */
    private SessionOutcome appended(SessionOutcome outcome) {
        if (outcome.changed()) {
            String aggregateId = outcome.session().ref().aggregateId();
            long version = outcome.session().version();
            CurrentUnitOfWork.get().afterCommit(uow -> publications.appended(aggregateId, version));
        }
        return outcome;
    }
}
