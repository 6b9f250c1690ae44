package io.sessionledger.benchmark.scenario;

import io.sessionledger.benchmark.bulk.BulkPlan;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Kore.ai Agent Platform calls (SPEC 4.2). Every setup registers an app environment of its own, named
 * after the run, so a list's count and first page hold only what that setup created.
 */
public final class KoreScenarios {

    static final String APP = "bench-app";
    /** Users of a list scenario, each with a few sessions: a userReference page is a real, short one. */
    static final int LIST_USERS = 32;
    static final int SESSIONS_PER_USER = 5;
    static final int PAGE = 20;

    private KoreScenarios() {
    }

    /** {@code userReference} alone always creates a session: a new user reference per request. */
    public static Scenario create() {
        return Scenario.write("kore.create", target -> {
            String tag = target.tag();
            String sessions = environment(target, "c-" + tag);
            return n -> target.json("POST", sessions, identity("userReference", "u-" + tag + "-" + n)).build();
        });
    }

    /** The first page of one user's sessions (a few each), the user picked at random. */
    public static Scenario listByUser() {
        return Scenario.read("kore.list.user", target -> {
            Listed listed = populate(target);
            return n -> list(target, listed.sessions(), listed.user(random(LIST_USERS)), PAGE);
        });
    }

    /** The app environment's first page, newest first, with its total count. */
    public static Scenario listFirstPage() {
        return Scenario.read("kore.list", target -> {
            Listed listed = populate(target);
            return n -> list(target, listed.sessions(), null, PAGE);
        });
    }

    /** One bulk-loaded user's first page among the plan's Kore rows; the loader and registration run before. */
    public static Scenario listByUserAmong(BulkPlan plan) {
        return Scenario.read("kore.list.user@" + plan.label(), target -> n -> list(target, bulkSessions(),
                plan.userReference(ThreadLocalRandom.current().nextInt(plan.koreUsers())), 10));
    }

    /** The first page of the bulk app environment: its count covers every one of the plan's Kore rows. */
    public static Scenario listFirstPageAmong(BulkPlan plan) {
        return Scenario.read("kore.list@" + plan.label(), target -> n -> list(target, bulkSessions(), null, 10));
    }

    private static String bulkSessions() {
        return sessions(BulkPlan.KORE_APP, BulkPlan.KORE_ENVIRONMENT);
    }

    private record Listed(String sessions, String tag) {
        String user(int i) {
            return "lu-" + tag + "-" + i;
        }
    }

    private static Listed populate(Target target) throws Exception {
        String tag = target.tag();
        Listed listed = new Listed(environment(target, "l-" + tag), tag);
        List<HttpRequest> creates = new ArrayList<>();
        for (int s = 0; s < SESSIONS_PER_USER; s++) {
            for (int u = 0; u < LIST_USERS; u++) {
                creates.add(target.json("POST", listed.sessions(), identity("userReference", listed.user(u))).build());
            }
        }
        SetupCalls.send(target, creates, Set.of(200, 201));
        return listed;
    }

    /** Registers the environment and returns its sessions path. */
    private static String environment(Target target, String environment) throws Exception {
        Registrations.appEnvironment(target, APP, environment);
        return sessions(APP, environment);
    }

    private static String sessions(String app, String environment) {
        return "/api/v2/apps/" + app + "/environments/" + environment + "/sessions";
    }

    static String identity(String type, String value) {
        return "{\"sessionIdentity\":[{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}]}";
    }

    static String listBody(String userReferenceOrNull, int limit) {
        String user = userReferenceOrNull == null ? "" : "\"userReference\":\"" + userReferenceOrNull + "\",";
        return "{" + user + "\"offset\":0,\"limit\":" + limit + "}";
    }

    private static HttpRequest list(Target target, String sessions, String userReference, int limit) {
        return target.json("POST", sessions + "/list", listBody(userReference, limit)).build();
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
