package io.sessionledger.faults.load;

/**
 * One request of the load and its answer, as the client saw it.
 *
 * @param target    the session it addressed: a sessionId, a Vectara key, or for a Kore create its reference
 * @param startNanos when it was sent ({@link System#nanoTime()}); {@code endNanos} when its answer was read
 * @param startMillis the same moment on the wall clock (Kafka record times are compared with it)
 * @param status    the HTTP status, or -1 when no answer came (connection failed, timed out)
 * @param version   the ETag's version, when the answer had one
 * @param pending   a write answered {@code x-ledger-consistency: pending} (committed, not yet known published)
 * @param stale     a read answered {@code x-ledger-consistency: stale} (the read barrier ran out)
 * @param written   what a write set (an agent id, a metadata marker), or what a read saw of it
 * @param sessionId the session the answer named (null when none)
 */
public record Op(int client, Kind kind, String requestId, String target, long startNanos, long endNanos,
                 long startMillis, int status, String failure, Long version, boolean pending, boolean stale,
                 String written, String sessionId) {

    public boolean acknowledged() {
        return status >= 200 && status < 300;
    }

    /** 5xx or no answer at all: the client cannot know whether a write was applied. */
    public boolean failed() {
        return status < 0 || status >= 500;
    }

    /** 4xx: refused as the API says it must be (a Vectara key already taken is 409). */
    public boolean refused() {
        return status >= 400 && status < 500;
    }
}
