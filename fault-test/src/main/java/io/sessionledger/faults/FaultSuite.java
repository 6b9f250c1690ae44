package io.sessionledger.faults;

import io.sessionledger.faults.check.LedgerReconciliation;
import io.sessionledger.faults.check.Snapshots;
import io.sessionledger.faults.check.Verdict;
import io.sessionledger.faults.cluster.Cluster;
import io.sessionledger.faults.cluster.ClusterLayout;
import io.sessionledger.faults.cluster.ServiceInstance;
import io.sessionledger.faults.load.Load;
import io.sessionledger.faults.load.Op;
import io.sessionledger.faults.load.Tenancy;
import io.sessionledger.faults.report.RunReport;
import io.sessionledger.testsupport.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run: the system under a steady load of writes and reads from several clients, one fault at a time,
 * each hit part brought back by the supervisor; then the load stops, the read model is given time to catch
 * up, and what the clients were told is compared with the store, the topic and the read model.
 */
public final class FaultSuite {

    private final SuiteSettings settings;
    private final ClusterLayout layout;

    public FaultSuite(SuiteSettings settings, ClusterLayout layout) {
        this.settings = settings;
        this.layout = layout;
    }

    public RunReport run() throws Exception {
        Instant began = Instant.now();
        Thread runner = Thread.currentThread();
        ScheduledExecutorService limit = Executors.newSingleThreadScheduledExecutor();
        limit.schedule(() -> {
            say("over the time limit of " + settings.limit().toMinutes() + " min: stopping");
            runner.interrupt();
        }, settings.limit().toMillis(), TimeUnit.MILLISECONDS);
        say("starting PostgreSQL database, Kafka broker, 2 command sides, 2 query sides and the edge (work dir "
                + layout.workDir() + ")");
        try (Cluster cluster = Cluster.start(layout)) {
            say("up at " + cluster.baseUrl() + " after " + Duration.between(began, Instant.now()).toSeconds() + " s");
            return underLoad(cluster, began);
        } finally {
            limit.shutdownNow();
        }
    }

    private RunReport underLoad(Cluster cluster, Instant began) throws Exception {
        Tenancy tenancy = Tenancy.setUp(cluster.baseUrl(), cluster.adminKey());
        Load load = new Load(cluster.baseUrl(), tenancy, settings.clients(), settings.requestTimeout(), settings.pause());
        long loadStart = System.nanoTime();
        long loadStartMillis = System.currentTimeMillis();
        load.start();
        say(settings.clients() + " clients writing and reading; warm-up " + settings.warmUp().toSeconds() + " s");
        Thread.sleep(settings.warmUp().toMillis());
        FaultInjector injector = new FaultInjector(cluster);
        List<FaultInjector.Injected> injected = new ArrayList<>();
        List<String> incidents = new ArrayList<>();
        try {
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Fault fault : settings.faults()) {
                    say("fault: " + fault.description() + (settings.rounds() > 1 ? " (round " + round + ")" : ""));
                    FaultInjector.Injected hit = injector.inject(fault);
                    injected.add(hit);
                    say("  " + hit.target() + " back after " + seconds(hit.restoredNanos() - hit.injectedNanos())
                            + " s; " + load.journal().size() + " requests so far");
                    Thread.sleep(settings.hold().toMillis());
                }
            }
        } catch (RuntimeException e) {
            // A part that does not come back is a finding, not the end of the run: what was written is checked.
            incidents.add(e.getMessage());
            say("incident: " + e.getMessage());
        } finally {
            load.stop();
        }
        long loadEnd = System.nanoTime();
        long loadEndMillis = System.currentTimeMillis();
        say("load stopped: " + load.journal().size() + " requests; waiting for the read model to catch up");
        long behind = Convergence.await(cluster.databaseUrl(), cluster.databaseUser(), settings.convergeWithin());
        double converged = (System.nanoTime() - loadEnd) / 1e9;
        say(behind == 0 ? String.format("converged after %.1f s", converged)
                : behind + " sessions still behind after " + settings.convergeWithin().toSeconds() + " s");
        Snapshots snapshots = new Snapshots(cluster.databaseUrl(), cluster.databaseUser());
        List<Op> ops = load.journal().ops();
        List<String> services = cluster.instances().stream().map(ServiceInstance::baseUrl).toList();
        Verdict verdict = Verdict.of(tenancy.tenantId(), ops, snapshots.events(), snapshots.readModel(),
                snapshots.claims(), new TopicReader(cluster.kafkaBootstrap(), Cluster.TOPIC).readAll(Duration.ofSeconds(60)),
                List.of(Verdict.deadLetters(cluster.kafkaBootstrap(), services)));
        String reconciliation = LedgerReconciliation.ask(cluster.baseUrl(), cluster.adminKey());
        say(reconciliation);
        List<FaultWindow> windows = windows(injected, loadEnd, loadEndMillis);
        return new RunReport(settings, began, Duration.between(began, Instant.now()), loadStart, loadStartMillis,
                windows, ops, verdict, behind, converged, reconciliation, incidents, cluster.restarts(), cluster.workDir());
    }

    /** Each fault answers for the time from its injection to the next one, the last to the end of the load. */
    private static List<FaultWindow> windows(List<FaultInjector.Injected> injected, long loadEnd, long loadEndMillis) {
        List<FaultWindow> windows = new ArrayList<>();
        for (int i = 0; i < injected.size(); i++) {
            FaultInjector.Injected hit = injected.get(i);
            boolean last = i == injected.size() - 1;
            windows.add(new FaultWindow(hit.fault(), hit.target(), hit.injectedNanos(), hit.injectedMillis(),
                    hit.restoredNanos(), last ? loadEnd : injected.get(i + 1).injectedNanos(),
                    last ? loadEndMillis : injected.get(i + 1).injectedMillis()));
        }
        return windows;
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    static void say(String line) {
        System.out.println("[faults " + Instant.now() + "] " + line);
    }
}
