package io.sessionledger.faults.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One API client in a closed loop: creates and writes to shared sessions in all three dialects and reads
 * them back, each request with its own x-request-id (which the ledger keeps in each event's metadata), each
 * answer journaled. It never repeats a failed request: what a failure left behind is what the suite checks.
 */
final class LoadClient implements Runnable {

    private final int id;
    private final Tenancy tenancy;
    private final LedgerHttp http;
    private final SharedSessions sessions;
    private final Journal journal;
    private final Duration pause;
    private volatile boolean stopped;
    private int counter;

    LoadClient(int id, String baseUrl, Tenancy tenancy, SharedSessions sessions, Journal journal,
               Duration requestTimeout, Duration pause) {
        this.id = id;
        this.tenancy = tenancy;
        this.http = new LedgerHttp(baseUrl, requestTimeout);
        this.sessions = sessions;
        this.journal = journal;
        this.pause = pause;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            step(ThreadLocalRandom.current().nextInt(100));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void step(int dice) {
        counter++;
        if (dice < 12) {
            genesysCreate();
        } else if (dice < 30) {
            genesysAssociate(sessions.anyGenesys());
        } else if (dice < 40) {
            koreCreate(sessions.contendedReference());
        } else if (dice < 50) {
            vectaraCreate(sessions.contendedKey());
        } else if (dice < 65) {
            vectaraPatch(sessions.anyVectara());
        } else if (dice < 77) {
            read(Kind.GENESYS_READ, sessions.anyGenesys());
        } else if (dice < 88) {
            read(Kind.KORE_READ, sessions.anyKore());
        } else {
            read(Kind.VECTARA_READ, sessions.anyVectara());
        }
    }

    private void genesysCreate() {
        String agent = "agent-c" + id + "-" + counter;
        Op op = send(Kind.GENESYS_CREATE, null, agent, "PUT", "/gks-server/v1/sessions/new",
                "{\"visitId\":\"visit-" + UUID.randomUUID() + "\"}", "gkc_agentId", agent);
        if (op.acknowledged() && op.sessionId() != null) {
            sessions.addGenesys(op.sessionId());
        }
    }

    /** Mostly a hand-over to a new agent (always an event); now and then to an agent it may already have. */
    private void genesysAssociate(String sessionId) {
        if (sessionId == null) {
            return;
        }
        String agent = ThreadLocalRandom.current().nextInt(5) == 0
                ? "agent-shared-" + ThreadLocalRandom.current().nextInt(2) : "agent-c" + id + "-" + counter;
        send(Kind.GENESYS_ASSOCIATE, sessionId, agent, "POST", "/gks-server/v1/sessions/" + sessionId, null,
                "gkc_agentId", agent);
    }

    private void koreCreate(String reference) {
        Op op = send(Kind.KORE_CREATE, reference, reference, "POST", korePath(),
                "{\"sessionIdentity\":[{\"type\":\"sessionReference\",\"value\":\"" + reference + "\"}]}");
        if (op.acknowledged() && op.sessionId() != null) {
            sessions.addKore(op.sessionId());
        }
    }

    private void vectaraCreate(String key) {
        Op op = send(Kind.VECTARA_CREATE, key, null, "POST", vectaraPath(""),
                "{\"key\":\"" + key + "\",\"name\":\"Fault session " + key + "\"}");
        if (op.acknowledged() || op.status() == 409) {
            sessions.addVectara(key);
        }
    }

    private void vectaraPatch(String key) {
        if (key == null) {
            return;
        }
        String marker = "c" + id + "-" + counter;
        send(Kind.VECTARA_PATCH, key, marker, "PATCH", vectaraPath("/" + key),
                "{\"metadata\":{\"by\":\"" + marker + "\"}}");
    }

    private void read(Kind kind, String target) {
        if (target == null) {
            return;
        }
        String path = switch (kind) {
            case GENESYS_READ -> "/gks-server/v1/sessions/" + target;
            case KORE_READ -> korePath() + "?sessionId=" + target;
            default -> vectaraPath("/" + target);
        };
        send(kind, target, null, "GET", path, null);
    }

    private Op send(Kind kind, String target, String written, String method, String path, String body,
                    String... headers) {
        String requestId = "c" + id + "-" + UUID.randomUUID();
        String[] all = new String[headers.length + 4];
        all[0] = "x-api-key";
        all[1] = tenancy.apiKey();
        all[2] = "x-request-id";
        all[3] = requestId;
        System.arraycopy(headers, 0, all, 4, headers.length);
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        Answer answer = http.send(method, path, body, all);
        long end = System.nanoTime();
        String sessionId = sessionIdOf(answer.body());
        Op op = new Op(id, kind, requestId, target != null ? target : sessionId, start, end, startMillis,
                answer.status(), answer.failure(), answer.version(), answer.pending(), answer.stale(),
                written != null ? written : seen(kind, answer.body()), sessionId);
        journal.add(op);
        return op;
    }

    /** What a read saw of what writes set: the agent (Genesys), the metadata marker (Vectara). */
    private static String seen(Kind kind, JsonNode body) {
        return switch (kind) {
            case GENESYS_READ -> body.path("agentId").isTextual() ? body.path("agentId").asText() : null;
            case VECTARA_READ -> body.path("metadata").path("by").isTextual()
                    ? body.path("metadata").path("by").asText() : null;
            default -> null;
        };
    }

    private static String sessionIdOf(JsonNode body) {
        JsonNode id = body.path("sessionId");
        if (!id.isTextual()) {
            id = body.path("session").path("sessionId");
        }
        return id.isTextual() ? id.asText() : null;
    }

    private String korePath() {
        return "/api/v2/apps/" + tenancy.appId() + "/environments/" + tenancy.environment() + "/sessions";
    }

    private String vectaraPath(String rest) {
        return "/v2/agents/" + tenancy.agentKey() + "/sessions" + rest;
    }
}
