package io.sessionledger.faults.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Several clients writing and reading through the edge until stopped. */
public final class Load {

    private final List<LoadClient> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Journal journal = new Journal();
    private final Duration requestTimeout;

    public Load(String baseUrl, Tenancy tenancy, int clientCount, Duration requestTimeout, Duration pause) {
        this.requestTimeout = requestTimeout;
        SharedSessions sessions = new SharedSessions();
        for (int i = 1; i <= clientCount; i++) {
            clients.add(new LoadClient(i, baseUrl, tenancy, sessions, journal, requestTimeout, pause));
        }
    }

    public void start() {
        for (int i = 0; i < clients.size(); i++) {
            Thread thread = new Thread(clients.get(i), "load-client-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops every client after its request in flight (each is bounded by the request timeout). */
    public void stop() throws InterruptedException {
        clients.forEach(LoadClient::stop);
        for (Thread thread : threads) {
            thread.join(requestTimeout.toMillis() + 5_000);
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }

    public Journal journal() {
        return journal;
    }
}
