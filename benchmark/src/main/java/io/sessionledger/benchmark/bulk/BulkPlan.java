package io.sessionledger.benchmark.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * How the bulk-loaded sessions are spread over the three dialects, and the names the rows and the scenarios
 * that read them share. A third of the rows are Kore sessions of one app environment (about four per user),
 * three in ten are Vectara sessions of {@value #AGENTS} agents, the rest Genesys sessions.
 *
 * @param koreUsers        distinct user references among the Kore rows
 * @param sessionsPerAgent Vectara sessions of each agent
 */
public record BulkPlan(int total, int genesys, int kore, int koreUsers, int vectaraAgents, int sessionsPerAgent) {

    public static final String KORE_APP = "bench-bulk";
    public static final String KORE_ENVIRONMENT = "bulk";
    static final int AGENTS = 100;
    static final int SESSIONS_PER_KORE_USER = 4;

    public static BulkPlan of(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("bulk sessions must be at least 1");
        }
        int vectaraShare = (int) (total * 3L / 10);
        int agents = Math.max(1, Math.min(AGENTS, vectaraShare));
        int perAgent = vectaraShare / agents;
        int kore = total / 3;
        int genesys = total - kore - agents * perAgent;
        return new BulkPlan(total, genesys, kore, Math.max(1, kore / SESSIONS_PER_KORE_USER), agents, perAgent);
    }

    public int vectara() {
        return vectaraAgents * sessionsPerAgent;
    }

    /** How the report names the stored total: {@code 1M} for a million, the number otherwise. */
    public String label() {
        return total % 1_000_000 == 0 ? total / 1_000_000 + "M" : Integer.toString(total);
    }

    public String agent(int index) {
        return String.format("bench-bulk-%03d", index);
    }

    public List<String> agents() {
        List<String> agents = new ArrayList<>(vectaraAgents);
        for (int i = 0; i < vectaraAgents; i++) {
            agents.add(agent(i));
        }
        return agents;
    }

    /** The agent of Vectara row n (1-based): rows are dealt to the agents in turn. */
    public String agentOf(long n) {
        return agent((int) ((n - 1) % vectaraAgents));
    }

    /** Zero-padded, so an agent's key order is the order its rows were numbered in. */
    public static String vectaraKey(long n) {
        return String.format("k-%09d", n);
    }

    public String userReference(long user) {
        return "bu-" + user;
    }

    /** The user of Kore row n (1-based): users in turn, so each has about four sessions spread over time. */
    public String userOf(long n) {
        return userReference((n - 1) % koreUsers);
    }
}
