package io.sessionledger.command.api.vectara;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.registry.Registry;
import io.sessionledger.command.session.CreateSession;
import io.sessionledger.command.session.DeleteSession;
import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.command.session.UpdateSessionDetails;
import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.dialect.vectara.SessionKeys;
import io.sessionledger.dialect.vectara.VectaraRequests;
import io.sessionledger.dialect.vectara.VectaraRules;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.service.web.RequestContext;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Vectara writes in the domain's terms. A session lives in its agent's scope and is found by its key, which the
 * command claims in the same transaction as its events: of concurrent creates with one key, one wins.
 */
@Service
public class VectaraSessions {

    /** A generated key that clashes is tried again with another random suffix; five clashes in a row mean a bug. */
    private static final int GENERATED_KEY_ATTEMPTS = 5;

    private final SessionWrites writes;
    private final UniqueKeys uniqueKeys;
    private final Registry registry;

    public VectaraSessions(SessionWrites writes, UniqueKeys uniqueKeys, Registry registry) {
        this.writes = writes;
        this.uniqueKeys = uniqueKeys;
        this.registry = registry;
    }

    /** The path's agent, once the key may use it (403) and it is registered for the key's tenant (404). */
    public String agent(RequestContext context, String agentKey) {
        String agent = VectaraRules.agentFor(context.principal(), agentKey);
        if (registry.agent(context.tenantId(), agent).isEmpty()) {
            throw VectaraRules.agentNotFound(agent);
        }
        return agent;
    }

    public SessionWrites.Result create(RequestContext context, String agent, VectaraRequests.NewSession request) {
        if (request.key() != null) {
            return writes.send(create(context, agent, request.key(), request), context, VectaraRules.DIALECT);
        }
        String base = SessionKeys.fromName(request.name());
        String key = isTaken(context.tenantId(), agent, base) ? SessionKeys.withSuffix(base) : base;
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.send(create(context, agent, key, request), context, VectaraRules.DIALECT);
            } catch (SessionRejected rejected) {
                if (rejected.reason() != SessionRejected.Reason.KEY_TAKEN || attempt == GENERATED_KEY_ATTEMPTS) {
                    throw rejected;
                }
                key = SessionKeys.withSuffix(base);
            }
        }
    }

    public SessionWrites.Result update(RequestContext context, String agent, String sessionKey,
                                       VectaraRequests.Changes changes, Long expectedVersion) {
        SessionDetails details = new SessionDetails(changes.name(), changes.description(), changes.metadata(),
                changes.enabled());
        return writes.send(new UpdateSessionDetails(holder(context, agent, sessionKey), scope(agent), details,
                expectedVersion), context, VectaraRules.DIALECT);
    }

    public SessionWrites.Result delete(RequestContext context, String agent, String sessionKey, Long expectedVersion) {
        return writes.send(new DeleteSession(holder(context, agent, sessionKey), scope(agent), expectedVersion),
                context, VectaraRules.DIALECT);
    }

    private static CreateSession create(RequestContext context, String agent, String key,
                                        VectaraRequests.NewSession request) {
        SessionRef ref = new SessionRef(context.tenantId(), "s-" + UUID.randomUUID());
        return new CreateSession(ref, scope(agent), Parties.NONE, new ExternalKeys(null, null, null, key),
                new SessionDetails(request.name(), request.description(), request.metadata(), request.enabled()));
    }

    /**
     * The session that holds the key now. A delete frees the key in the transaction that deletes the session,
     * so a key found here names a live session, or one deleted a moment ago, which the command then refuses.
     */
    private SessionRef holder(RequestContext context, String agent, String sessionKey) {
        return uniqueKeys.ownerOf(UniqueKey.sessionKey(context.tenantId(), agent, sessionKey))
                .map(SessionRef::parse)
                .orElseThrow(() -> VectaraRules.sessionNotFound(sessionKey));
    }

    private boolean isTaken(String tenantId, String agent, String key) {
        return uniqueKeys.ownerOf(UniqueKey.sessionKey(tenantId, agent, key)).isPresent();
    }

    private static SessionScope scope(String agent) {
        return new SessionScope(null, null, agent);
    }
}
