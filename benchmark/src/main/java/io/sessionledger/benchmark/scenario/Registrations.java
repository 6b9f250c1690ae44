package io.sessionledger.benchmark.scenario;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Registers the agents and app environments the Kore and Vectara paths need (404 otherwise, SPEC 4.2, 4.3),
 * with the admin key. Idempotent: 201 when new, 200 when already there.
 */
public final class Registrations {

    private static final Set<Integer> DONE = Set.of(200, 201);

    private Registrations() {
    }

    public static void appEnvironment(Target target, String appId, String environment) throws Exception {
        SetupCalls.sendOne(target, target.admin("PUT", "/ledger/v1/apps/" + appId + "/environments/" + environment,
                "{\"tenantId\":\"" + target.tenantId() + "\"}").build(), DONE);
    }

    public static void agent(Target target, String agentKey) throws Exception {
        agents(target, List.of(agentKey));
    }

    public static void agents(Target target, Collection<String> agentKeys) throws Exception {
        List<HttpRequest> puts = new ArrayList<>();
        for (String agentKey : agentKeys) {
            puts.add(target.admin("PUT", "/ledger/v1/agents/" + agentKey,
                    "{\"tenantId\":\"" + target.tenantId() + "\",\"name\":\"benchmark " + agentKey + "\"}").build());
        }
        SetupCalls.send(target, puts, DONE);
    }
}
