package io.sessionledger.benchmark.scenario;

import io.sessionledger.benchmark.bulk.BulkPlan;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Vectara-style agent session calls (SPEC 4.3). Every setup registers an agent of its own, named after
 * the run; names come from {@link SessionNames}, so a filter {@code ^bench-<d>} matches one session in ten.
 */
public final class VectaraScenarios {

    private static final int POOL = 256;
    static final int PAGE = 10;

    private VectaraScenarios() {
    }

    /** A new key per request, with a name, a description and metadata, as a client would send them. */
    public static Scenario create() {
        return Scenario.write("vectara.create", target -> {
            String sessions = agent(target, "c-" + target.tag());
            return n -> target.json("POST", sessions, createBody(n)).build();
        });
    }

    /** Gets by key of sessions created in setup, at random. */
    public static Scenario get() {
        return Scenario.read("vectara.get", target -> {
            String sessions = pool(target);
            return n -> target.request(sessions + "/" + key(random(POOL))).GET().build();
        });
    }

    /**
     * Patches that each change the description and replace the metadata, so every call is a write; the keys
     * are taken round-robin, as the Genesys associations are. Names stay, so filters keep their share.
     */
    public static Scenario patch() {
        return Scenario.write("vectara.patch", target -> {
            String sessions = pool(target);
            return n -> target.json("PATCH", sessions + "/" + key((int) (n % POOL)),
                    "{\"description\":\"patched " + n + "\",\"metadata\":{\"n\":" + n + "}}").build();
        });
    }

    /** A first page of ten among the sessions whose name matches {@code ^bench-<d>}, d at random. */
    public static Scenario listFiltered() {
        return Scenario.read("vectara.list.filtered", target -> {
            String sessions = pool(target);
            return n -> target.request(filteredPage(sessions, random(SessionNames.BUCKETS))).GET().build();
        });
    }

    /** Gets by key among the plan's Vectara rows; the loader and the agents' registration run before. */
    public static Scenario getAmong(BulkPlan plan) {
        return Scenario.read("vectara.get@" + plan.label(), target -> n -> {
            long row = 1 + ThreadLocalRandom.current().nextInt(plan.vectara());
            return target.request(sessions(plan.agentOf(row)) + "/" + BulkPlan.vectaraKey(row)).GET().build();
        });
    }

    /** A filtered first page of ten of one of the plan's agents (about 3,000 sessions each at 1M). */
    public static Scenario listFilteredAmong(BulkPlan plan) {
        return Scenario.read("vectara.list.filtered@" + plan.label(), target -> n -> target.request(filteredPage(
                sessions(plan.agent(random(plan.vectaraAgents()))), random(SessionNames.BUCKETS))).GET().build());
    }

    static String createBody(long n) {
        return "{\"key\":\"" + key(n) + "\",\"name\":\"" + SessionNames.name(n) + "\",\"description\":\""
                + SessionNames.description(n) + "\",\"metadata\":{\"n\":" + n + ",\"source\":\"benchmark\"}}";
    }

    static String filteredPage(String sessions, int bucket) {
        return sessions + "?limit=" + PAGE + "&filter="
                + URLEncoder.encode(SessionNames.filter(bucket), StandardCharsets.UTF_8);
    }

    private static String pool(Target target) throws Exception {
        String sessions = agent(target, "p-" + target.tag());
        List<HttpRequest> creates = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            creates.add(target.json("POST", sessions, createBody(i)).build());
        }
        SetupCalls.send(target, creates, Set.of(201));
        return sessions;
    }

    /** Registers the agent and returns its sessions path. */
    private static String agent(Target target, String agentKey) throws Exception {
        Registrations.agent(target, agentKey);
        return sessions(agentKey);
    }

    private static String sessions(String agentKey) {
        return "/v2/agents/" + agentKey + "/sessions";
    }

    private static String key(long n) {
        return "k-" + n;
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
