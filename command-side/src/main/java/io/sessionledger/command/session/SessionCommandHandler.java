package io.sessionledger.command.session;

import io.sessionledger.command.publishing.PublicationTracker;
import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.events.session.ExternalKeys;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Runs session commands inside one unit of work (one transaction): loads or creates the aggregate, lets
 * it decide, and claims any new external key in the same transaction as the events, so that two
 * concurrent claims of one key end in one success and one {@link SessionRejected}.
 */
@Component
public class SessionCommandHandler {

    private final Repository<Session> sessions;
    private final UniqueKeys uniqueKeys;
    private final PublicationTracker publications;

    public SessionCommandHandler(Repository<Session> sessionRepository, UniqueKeys uniqueKeys,
                                 PublicationTracker publications) {
        this.sessions = sessionRepository;
        this.uniqueKeys = uniqueKeys;
        this.publications = publications;
    }

    @CommandHandler
    public SessionOutcome handle(CreateSession command) throws Exception {
        Aggregate<Session> aggregate = sessions.newInstance(() -> Session.create(command));
        SessionSnapshot after = aggregate.invoke(Session::snapshot);
        claimNewKeys(ExternalKeys.NONE, after);
        return appended(new SessionOutcome(after, true, true));
    }

    @CommandHandler
    public SessionOutcome handle(EnsureSession command) throws Exception {
        Aggregate<Session> aggregate = sessions.loadOrCreate(command.ref().aggregateId(), Session::new);
        boolean created = aggregate.invoke(session -> session.ensure(command.ref()));
        return appended(new SessionOutcome(aggregate.invoke(Session::snapshot), created, created));
    }

    @CommandHandler
    public SessionOutcome handle(AssociateUser command) throws Exception {
        Aggregate<Session> aggregate = sessions.loadOrCreate(command.ref().aggregateId(), Session::new);
        SessionSnapshot before = aggregate.invoke(session -> session.exists() ? session.snapshot() : null);
        boolean created = aggregate.invoke(session -> session.associate(command));
        SessionSnapshot after = aggregate.invoke(Session::snapshot);
        claimNewKeys(before == null ? ExternalKeys.NONE : before.keys(), after);
        boolean changed = created || before.version() != after.version();
        return appended(new SessionOutcome(after, created, changed));
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

    private void claimNewKeys(ExternalKeys before, SessionSnapshot after) {
        String tenant = after.ref().tenantId();
        String owner = after.ref().aggregateId();
        List<UniqueKey> claims = new ArrayList<>(2);
        if (before.visitId() == null && after.keys().visitId() != null) {
            claims.add(new UniqueKey(UniqueKey.Kind.VISIT_ID, tenant, after.keys().visitId()));
        }
        if (before.globalVisitId() == null && after.keys().globalVisitId() != null) {
            claims.add(new UniqueKey(UniqueKey.Kind.GLOBAL_VISIT_ID, tenant, after.keys().globalVisitId()));
        }
        List<UniqueKey> claimed = new ArrayList<>(claims.size());
        try {
            for (UniqueKey claim : claims) {
                uniqueKeys.claim(claim, owner);
                claimed.add(claim);
            }
        } catch (SessionRejected rejected) {
            // The transaction may be shared with other commands (group commit): undo exactly our own claims.
            claimed.forEach(key -> uniqueKeys.release(key, owner));
            throw rejected;
        }
    }
}
