package io.sessionledger.faults.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions every client may write to and read, so that several writers meet on the same sessions: writers
 * pick among the most recent ones. Names for contended creates (a Kore reference, a Vectara key) move on now
 * and then, so that several clients create under the same name at about the same time.
 */
final class SharedSessions {

    private static final int RECENT = 24;

    private final List<String> genesys = new ArrayList<>();
    private final List<String> kore = new ArrayList<>();
    private final List<String> vectara = new ArrayList<>();
    private final AtomicInteger koreReference = new AtomicInteger();
    private final AtomicInteger vectaraKey = new AtomicInteger();

    void addGenesys(String sessionId) {
        add(genesys, sessionId);
    }

    void addKore(String sessionId) {
        add(kore, sessionId);
    }

    void addVectara(String key) {
        add(vectara, key);
    }

    String anyGenesys() {
        return pick(genesys);
    }

    String anyKore() {
        return pick(kore);
    }

    String anyVectara() {
        return pick(vectara);
    }

    String contendedReference() {
        return "ref-" + contended(koreReference);
    }

    String contendedKey() {
        return "key-" + contended(vectaraKey);
    }

    private static int contended(AtomicInteger counter) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(4) == 0 ? counter.incrementAndGet() : Math.max(0, counter.get() - random.nextInt(2));
    }

    private static void add(List<String> sessions, String id) {
        synchronized (sessions) {
            if (!sessions.contains(id)) {
                sessions.add(id);
            }
        }
    }

    /** One of the most recent, or null when there is none yet. */
    private static String pick(List<String> sessions) {
        synchronized (sessions) {
            if (sessions.isEmpty()) {
                return null;
            }
            int from = Math.max(0, sessions.size() - RECENT);
            return sessions.get(ThreadLocalRandom.current().nextInt(from, sessions.size()));
        }
    }
}
