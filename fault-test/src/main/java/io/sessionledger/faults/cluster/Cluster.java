package io.sessionledger.faults.cluster;

import io.sessionledger.deploy.Ports;
import io.sessionledger.deploy.broker.BrokerSettings;
import io.sessionledger.deploy.services.ServiceSpec;
import io.sessionledger.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the suite runs and supervises: a fresh database on the machine's PostgreSQL, a Kafka broker process,
 * two command-side and two query-side instances ({@code java -jar}, configured by the environment alone) and
 * the edge in front of them. Closing stops all of it and drops the database.
 */
public final class Cluster implements AutoCloseable {

    public static final String TOPIC = "session-events";
    public static final int PARTITIONS = 6;
    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final ClusterLayout layout;
    private final TestPostgres database;
    private final String adminKey = "faults-admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(18));
    private final KafkaBroker broker;
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final EdgeProcess edge;
    private final String personalDataSecret;
    private final Supervisor supervisor = new Supervisor();

    private Cluster(ClusterLayout layout) throws Exception {
        this.layout = layout;
        this.database = TestPostgres.create("ledger_faults");
        this.broker = new KafkaBroker(new BrokerSettings(Ports.findFreePair(), layout.workDir().resolve("kafka"),
                TOPIC, PARTITIONS), layout.workDir(), layout.classpath());
        String signingKey = Base64.getEncoder().encodeToString(random(32));
        this.personalDataSecret = Base64.getEncoder().encodeToString(random(32));
        List<Integer> commandPorts = List.of(Ports.findFree(), Ports.findFree());
        for (int i = 0; i < 2; i++) {
            instances.add(instance(ServiceInstance.Role.COMMAND, "command-" + (i + 1), commandPorts.get(i),
                    localUrl(commandPorts.get(i)), signingKey));
        }
        for (int i = 0; i < 2; i++) {
            // A query side asks the command sides for principals, registry entries, Genesys get-or-create and
            // personal-data keys: its twin first, the other when the twin cannot be reached.
            instances.add(instance(ServiceInstance.Role.QUERY, "query-" + (i + 1), Ports.findFree(),
                    localUrl(commandPorts.get(i)) + "," + localUrl(commandPorts.get(1 - i)), signingKey));
        }
        this.edge = new EdgeProcess(layout, Ports.findFree(), urls(ServiceInstance.Role.COMMAND),
                urls(ServiceInstance.Role.QUERY), broker.bootstrap());
    }

    /** Starts everything and returns once the edge reports the whole system UP. */
    public static Cluster start(ClusterLayout layout) throws Exception {
        Cluster cluster = new Cluster(layout);
        try {
            cluster.boot();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void boot() throws Exception {
        broker.startFresh();
        for (ServiceInstance instance : instances) {
            instance.start();
        }
        for (ServiceInstance instance : instances) {
            instance.awaitHealthy(STARTUP);
        }
        edge.start(STARTUP);
        instances.forEach(instance -> supervisor.watch(supervised(instance.name(), instance::needsRestart, instance::start)));
        supervisor.watch(supervised("kafka", broker::needsRestart, broker::launch));
        supervisor.watch(supervised("edge", edge::needsRestart, edge::launch));
        supervisor.start();
    }

    public String baseUrl() {
        return edge.baseUrl();
    }

    public String adminKey() {
        return adminKey;
    }

    public String databaseUrl() {
        return database.url();
    }

    public String databaseUser() {
        return database.user();
    }

    public String kafkaBootstrap() {
        return broker.bootstrap();
    }

    public Path workDir() {
        return layout.workDir();
    }

    public List<ServiceInstance> instances() {
        return List.copyOf(instances);
    }

    public List<ServiceInstance> instances(ServiceInstance.Role role) {
        return instances.stream().filter(instance -> instance.role() == role).toList();
    }

    /** SIGKILL to the broker, which stays down until {@link #releaseBroker()} lets the supervisor start it. */
    public void killBrokerAndHold() throws InterruptedException {
        broker.hold(true);
        broker.kill();
    }

    public void releaseBroker() {
        broker.hold(false);
    }

    public void awaitBroker(Duration timeout) throws Exception {
        broker.awaitReady(timeout);
    }

    public void restartPostgres(Duration timeout) throws Exception {
        PostgresServer.restart(timeout);
    }

    public static boolean canRestartPostgres() {
        return PostgresServer.restartable();
    }

    public List<String> restarts() {
        return supervisor.restarts();
    }

    /** The edge first (no new requests), the services side by side, then the broker; the database last. */
    @Override
    public void close() {
        supervisor.close();
        stopQuietly(edge::stop);
        instances.forEach(ServiceInstance::requestStop);
        instances.forEach(ServiceInstance::stop);
        stopQuietly(broker::stop);
        try {
            PostgresServer.awaitConnection(Duration.ofSeconds(30));
            database.close();
        } catch (RuntimeException | InterruptedException e) {
            System.out.println("the database " + database.url() + " could not be dropped: " + e);
        }
    }

    private ServiceInstance instance(ServiceInstance.Role role, String name, int port, String commandUrls,
                                     String signingKey) throws Exception {
        String module = role == ServiceInstance.Role.COMMAND ? "command-side" : "query-side";
        Path jar = layout.workDir().resolve("jars").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            // A copy: a build in the tree must not swap classes under a running or restarting instance.
            Files.createDirectories(jar.getParent());
            Files.copy(layout.serviceJar(module), jar, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("LEDGER_KAFKA_BOOTSTRAP", broker.bootstrap());
        env.put("LEDGER_TOPIC", TOPIC);
        env.put("LEDGER_DATA_DIR", layout.workDir().resolve(name).toString());
        env.put("LEDGER_ADMIN_KEY", adminKey);
        env.put("LEDGER_COMMAND_URL", commandUrls);
        env.put("LEDGER_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        env.put("LEDGER_DB_URL", database.url());
        env.put("LEDGER_DB_USER", database.user());
        env.put("LEDGER_DB_PASSWORD", "");
        // Both command sides sign the ledger's checkpoints with one key, as replicas of one deployment would, and
        // make every keyed hash of personal data with one secret (docs/multi-instance.md).
        env.put("LEDGER_LOG_SIGNING_KEY", signingKey);
        env.put("LEDGER_PERSONAL_DATA_SECRET", personalDataSecret);
        env.put("LEDGER_INSTANCE_ID", name);
        return new ServiceInstance(role, new ServiceSpec(name, jar, port, env,
                layout.workDir().resolve("logs").resolve(name + ".log")));
    }

    private static String localUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    private String urls(ServiceInstance.Role role) {
        return String.join(",", instances(role).stream().map(ServiceInstance::baseUrl).toList());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Supervisor.Supervised supervised(String name, java.util.function.BooleanSupplier needsRestart,
                                                     Action restart) {
        return new Supervisor.Supervised() {
            public String name() {
                return name;
            }

            public boolean needsRestart() {
                return needsRestart.getAsBoolean();
            }

            public void restart() throws Exception {
                restart.run();
            }
        };
    }

    private static void stopQuietly(Action stop) {
        try {
            stop.run();
        } catch (Exception e) {
            System.out.println("stopping: " + e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
