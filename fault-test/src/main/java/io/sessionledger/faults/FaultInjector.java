package io.sessionledger.faults;

import io.sessionledger.faults.cluster.Cluster;
import io.sessionledger.faults.cluster.ServiceInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** Injects one fault and returns once the part it hit is back, as a supervisor brought it back. */
final class FaultInjector {

    /** A fault injected and recovered from; the window around it is closed by the suite. */
    record Injected(Fault fault, String target, long injectedNanos, long injectedMillis, long restoredNanos) {
    }

    private static final Duration BROKER_DOWN = Duration.ofSeconds(10);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(180);

    private final Cluster cluster;
    private int queryKills;

    FaultInjector(Cluster cluster) {
        this.cluster = cluster;
    }

    Injected inject(Fault fault) throws Exception {
        return switch (fault) {
            case KILL_QUERY_SIDE -> kill(fault, cluster.instances(ServiceInstance.Role.QUERY).get(queryKills++ % 2));
            case KILL_COMMAND_SIDE -> kill(fault, publisher());
            case KILL_BROKER -> killBroker();
            case RESTART_POSTGRES -> restartPostgres();
        };
    }

    private Injected kill(Fault fault, ServiceInstance instance) throws Exception {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        instance.killAndAwaitRestart(BACK_WITHIN); // the supervisor starts it again
        return new Injected(fault, instance.name(), nanos, millis, System.nanoTime());
    }

    private Injected killBroker() throws Exception {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        cluster.killBrokerAndHold();
        Thread.sleep(BROKER_DOWN.toMillis());
        cluster.releaseBroker();
        cluster.awaitBroker(BACK_WITHIN);
        return new Injected(Fault.KILL_BROKER, "kafka", nanos, millis, System.nanoTime());
    }

    private Injected restartPostgres() throws Exception {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        cluster.restartPostgres(BACK_WITHIN);
        return new Injected(Fault.RESTART_POSTGRES, "postgresql", nanos, millis, System.nanoTime());
    }

    /**
     * The command side that holds the publisher's segment: killing it also stops publication until the other
     * one claims the segment, the harder case. Axon names a token's owner {@code pid@host}.
     */
    private ServiceInstance publisher() throws SQLException {
        List<ServiceInstance> commandSides = cluster.instances(ServiceInstance.Role.COMMAND);
        try (Connection db = DriverManager.getConnection(cluster.databaseUrl(), cluster.databaseUser(), "");
             Statement statement = db.createStatement();
             ResultSet owner = statement.executeQuery(
                     "select owner from token_entry where processor_name = 'kafka-publisher' and owner is not null")) {
            while (owner.next()) {
                String pid = owner.getString(1).split("@")[0];
                for (ServiceInstance instance : commandSides) {
                    if (Long.toString(instance.pid()).equals(pid)) {
                        return instance;
                    }
                }
            }
        }
        return commandSides.get(0);
    }
}
