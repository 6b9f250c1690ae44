package io.sessionledger.query.api.vectara;

import io.sessionledger.dialect.SessionView;
import io.sessionledger.dialect.vectara.VectaraRules;
import io.sessionledger.query.api.Reads;
import io.sessionledger.query.api.SessionViews;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.lists.BadFilter;
import io.sessionledger.query.lists.BadPageKey;
import io.sessionledger.query.lists.SessionNameFilter;
import io.sessionledger.query.lists.VectaraPage;
import io.sessionledger.query.lists.VectaraSessionQueries;
import io.sessionledger.query.registry.RegistryLookup;
import io.sessionledger.service.security.Principal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Vectara reads of the projection. A key does not name the session's partition, so every read waits for the
 * whole projection to catch up with what the broker held when it began (read-your-writes), unless the client
 * asked for an eventual read.
 */
@Service
public class VectaraSessionReads {

    /** @param fresh false when the barrier ran out (or was skipped) and the answer may miss the latest writes */
    public record One(SessionView session, boolean fresh) {
    }

    public record Page(List<SessionView> sessions, String nextPageKey, boolean fresh) {
    }

    private final RegistryLookup registry;
    private final ReadBarrier barrier;
    private final VectaraSessionQueries queries;

    public VectaraSessionReads(RegistryLookup registry, ReadBarrier barrier, VectaraSessionQueries queries) {
        this.registry = registry;
        this.barrier = barrier;
        this.queries = queries;
    }

    /** The path's agent, once the key may use it (403) and it is registered for the key's tenant (404). */
    public String agent(Principal principal, String agentKey, String apiKey) {
        String agent = VectaraRules.agentFor(principal, agentKey);
        if (!registry.hasAgent(principal.tenantId(), agent, apiKey)) {
            throw VectaraRules.agentNotFound(agent);
        }
        return agent;
    }

    public One get(String tenantId, String agent, String sessionKey, boolean eventual) {
        String key = VectaraRules.sessionKey(sessionKey);
        boolean fresh = !eventual && barrier.awaitAll();
        return queries.byKey(tenantId, agent, key)
                .map(row -> new One(SessionViews.of(row), fresh))
                // A key not found after a barrier that ran out may be in a write not projected yet: marked stale.
                .orElseThrow(() -> Reads.error(VectaraRules.sessionNotFound(key), fresh));
    }

    public Page list(String tenantId, String agent, String filter, String pageKey, String limit, boolean eventual) {
        int size = VectaraRules.limit(limit);
        SessionNameFilter names = filter(filter);
        String after = VectaraRules.pageKey(pageKey);
        boolean fresh = !eventual && barrier.awaitAll();
        VectaraPage page;
        try {
            page = queries.list(tenantId, agent, names, after, size);
        } catch (BadPageKey e) {
            throw VectaraRules.badPageKey();
        }
        return new Page(page.sessions().stream().map(SessionViews::of).toList(), page.nextPageKey(), fresh);
    }

    /** An empty filter filters nothing; anything else must be a bounded RE2 expression. */
    private static SessionNameFilter filter(String filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        try {
            return SessionNameFilter.parse(filter);
        } catch (BadFilter e) {
            throw VectaraRules.invalid("filter", e.getMessage());
        }
    }
}
