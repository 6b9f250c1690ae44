package io.sessionledger.benchmark.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N requests in flight, each sent as soon as the previous one of its lane completes: the throughput
 * the system sustains at that concurrency. A request counts in the window it was started in.
 */
public final class ClosedLoop {

    private final HttpClient client;

    public ClosedLoop(HttpClient client) {
        this.client = client;
    }

    public PhaseResult run(String scenario, RequestFactory requests, int concurrency, Phases phases)
            throws InterruptedException {
        Tally tally = new Tally();
        AtomicLong sequence = new AtomicLong();
        long measureFrom = System.nanoTime() + phases.warmup().toNanos();
        long measureUntil = measureFrom + phases.measured().toNanos();
        CountDownLatch lanesDone = new CountDownLatch(concurrency);
        Lane lane = new Lane(requests, sequence, tally, measureFrom, measureUntil, lanesDone);
        for (int i = 0; i < concurrency; i++) {
            lane.next();
        }
        long waitNanos = measureUntil - System.nanoTime() + Phases.DRAIN.toNanos();
        if (!lanesDone.await(waitNanos, TimeUnit.NANOSECONDS)) {
            System.err.printf("%s: %d lanes still waiting after the drain time%n", scenario, lanesDone.getCount());
        }
        double seconds = phases.measured().toNanos() / 1e9;
        return tally.result(scenario, "closed", concurrency, seconds);
    }

    private final class Lane {
        private final RequestFactory requests;
        private final AtomicLong sequence;
        private final Tally tally;
        private final long measureFrom;
        private final long measureUntil;
        private final CountDownLatch done;

        Lane(RequestFactory requests, AtomicLong sequence, Tally tally, long measureFrom, long measureUntil,
             CountDownLatch done) {
            this.requests = requests;
            this.sequence = sequence;
            this.tally = tally;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.done = done;
        }

        void next() {
            long start = System.nanoTime();
            if (start >= measureUntil) {
                done.countDown();
                return;
            }
            HttpRequest request;
            try {
                request = requests.request(sequence.getAndIncrement());
            } catch (RuntimeException e) {
                System.err.println("request factory failed: " + e);
                done.countDown();
                return;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (start >= measureFrom) {
                    tally.record(response, failure, System.nanoTime() - start);
                }
                next();
            });
        }
    }
}
