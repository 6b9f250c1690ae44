package io.sessionledger.benchmark.scenario;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The Genesys Knowledge Center v1 calls (SPEC 4.1). Kore and Vectara get a sibling class like this one. */
public final class GenesysScenarios {

    private static final String SESSIONS = "/gks-server/v1/sessions/";
    private static final int POOL = 256;

    private GenesysScenarios() {
    }

    /** A recognised create: agent, customer and a visit id that is new to the tenant. */
    public static Scenario create() {
        return Scenario.write("genesys.create", target -> {
            String tag = target.tag();
            return n -> target.json("PUT", SESSIONS + "new", "{\"visitId\":\"v-" + tag + "-" + n + "\"}")
                    .header("gkc_agentId", "a-" + n % 100)
                    .header("gkc_customerId", "c-" + tag + "-" + n)
                    .build();
        });
    }

    /** Gets of sessions created just before, at random: each one a real row, never a get-or-create. */
    public static Scenario get() {
        return Scenario.read("genesys.get", target -> {
            List<String> ids = SessionPool.create(target, POOL);
            return n -> target.request(SESSIONS + pick(ids)).GET().build();
        });
    }

    /**
     * The same gets without the read barrier ({@code x-ledger-consistency: eventual}): next to
     * {@link #get()} it shows what read-your-writes costs.
     */
    public static Scenario getEventual() {
        return Scenario.read("genesys.get.eventual", target -> {
            List<String> ids = SessionPool.create(target, POOL);
            return n -> target.request(SESSIONS + pick(ids)).header("x-ledger-consistency", "eventual").GET().build();
        });
    }

    /** Gets of the bulk-loaded rows ({@code bulk-1 .. bulk-size}); the loader runs before. */
    public static Scenario getAmong(int size, String label) {
        return Scenario.read("genesys.get@" + label, target ->
                n -> target.request(SESSIONS + "bulk-" + (1 + ThreadLocalRandom.current().nextInt(size))).GET().build());
    }

    /**
     * Associations that each change something (a new agent id), so every call is a write; the sessions
     * are taken round-robin from a pool large enough that two calls rarely hit one session at once.
     */
    public static Scenario associate() {
        return Scenario.write("genesys.associate", target -> {
            List<String> ids = SessionPool.create(target, POOL);
            return n -> target.request(SESSIONS + ids.get((int) (n % ids.size())))
                    .header("gkc_agentId", "a-" + n)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
        });
    }

    private static String pick(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }
}
