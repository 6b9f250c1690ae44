package io.sessionledger.faults;

import io.sessionledger.faults.cluster.Cluster;
import io.sessionledger.faults.cluster.ClusterLayout;
import io.sessionledger.faults.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** faults/run.sh: one run of the fault-injection suite; exit 0 when every invariant held. */
@Command(name = "faults/run.sh", mixinStandardHelpOptions = true,
        description = "Kills and restarts parts of a running Session Ledger under load, then checks that every "
                + "acknowledged write is in the store, on the topic and in the read model exactly once.")
public final class FaultSuiteMain implements Callable<Integer> {

    @Option(names = "--long", description = "the long form: 8 clients, every fault 3 times, 30 s of load after each")
    boolean longForm;

    @Option(names = "--clients", description = "load clients (default: 6 short, 8 long)")
    Integer clients;

    @Option(names = "--rounds", description = "how often every fault is injected (default: 1 short, 3 long)")
    Integer rounds;

    @Option(names = "--hold", description = "seconds of load after a hit part is back (default: 5 short, 30 long)")
    Integer hold;

    @Option(names = "--skip", split = ",", description = "faults to leave out: ${COMPLETION-CANDIDATES}")
    Set<Fault> skip = EnumSet.noneOf(Fault.class);

    @Option(names = "--tolerate", split = ",", description = "invariants reported but not failing the run")
    Set<String> tolerate = Set.of();

    @Option(names = "--home", defaultValue = ".", description = "the repository root")
    Path home;

    @Option(names = "--report-dir", description = "default: fault-results/<timestamp>")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        List<Fault> faults = faults(skip);
        SuiteSettings settings = longForm ? SuiteSettings.longForm(faults) : SuiteSettings.shortForm(faults);
        settings = clients == null ? settings : settings.withClients(clients);
        settings = rounds == null ? settings : settings.withRounds(rounds);
        settings = hold == null ? settings : settings.withHold(Duration.ofSeconds(hold));
        Path root = home.toAbsolutePath().normalize();
        Path report = reportDir != null ? reportDir : root.resolve("fault-results")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(report.resolve("work"))) {
            throw new CommandLine.ParameterException(new CommandLine(this), report + " holds an earlier run: choose "
                    + "another --report-dir");
        }
        ClusterLayout layout = ClusterLayout.of(root, root.resolve("fault-test/target/classes"),
                root.resolve("fault-test/target/runtime.classpath"), Files.createDirectories(report.resolve("work")));
        RunReport run = new FaultSuite(settings, layout).run();
        run.write(report, tolerate);
        System.out.println();
        System.out.println(run.markdown(tolerate));
        System.out.println("Report: " + report.resolve("report.md"));
        return run.passed(tolerate) ? 0 : 1;
    }

    /** Every fault but those skipped; PostgreSQL only where this process can restart it. */
    static List<Fault> faults(Set<Fault> skip) {
        List<Fault> faults = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            if (skip.contains(fault)) {
                continue;
            }
            if (fault == Fault.RESTART_POSTGRES && !Cluster.canRestartPostgres()) {
                System.out.println("PostgreSQL cannot be restarted from here (no pg_ctlcluster): that fault is left out");
                continue;
            }
            faults.add(fault);
        }
        return faults;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FaultSuiteMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
