package io.sessionledger.deploy;

import io.sessionledger.deploy.broker.BrokerSettings;
import io.sessionledger.deploy.broker.LocalBroker;
import io.sessionledger.deploy.broker.Topics;
import io.sessionledger.deploy.edge.Edge;
import io.sessionledger.deploy.edge.EdgeSettings;
import io.sessionledger.deploy.services.StartupFailure;
import io.sessionledger.deploy.services.SupervisedService;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The parts of the local system this launcher started, in start order. Closing stops exactly those,
 * in reverse order, and may happen at any moment, including half-way through {@link #boot()}. Once up, a
 * service whose JVM dies is started again ({@link SupervisedService}), and the launcher says so.
 */
public final class RunningSystem implements AutoCloseable {

    private final LocalSystemConfig config;
    private final Consumer<String> announce;
    private LocalBroker broker;
    private final List<SupervisedService> services = new ArrayList<>();
    private Edge edge;
    private boolean closed;

    RunningSystem(LocalSystemConfig config, Consumer<String> announce) {
        this.config = config;
        this.announce = announce;
    }

    void boot() throws Exception {
        Files.createDirectories(config.logDir());
        Ports.requireFree(config);
        if (config.ownBroker()) {
            LocalBroker startedBroker = LocalBroker.start(brokerSettings());
            synchronized (this) {
                if (closed) {
                    startedBroker.close();
                }
                requireOpen();
                broker = startedBroker;
            }
        } else {
            // An external broker: none of our own, but the topic must exist with the contract's partitions.
            Topics.ensure(config.kafkaBootstrap(), config.topic(), config.partitions());
        }
        synchronized (this) {
            requireOpen();
            for (var spec : ServiceSpecs.of(config)) {
                services.add(SupervisedService.start(spec, config.startupTimeout(), announce));
            }
        }
        for (SupervisedService service : List.copyOf(services)) {
            service.awaitHealthy();
        }
        synchronized (this) {
            requireOpen();
            edge = Edge.start(new EdgeSettings(config.httpHost(), config.httpPort(),
                    config.commandUrl(), config.queryUrl(), config.kafkaBootstrap(), config.defaultRateLimit(), 1,
                    config.edgeLimits()).withMetrics("127.0.0.1", config.edgeMetricsPort()));
            services.forEach(SupervisedService::supervise);
        }
    }

    private BrokerSettings brokerSettings() {
        return new BrokerSettings(config.kafkaPort(), config.dataDir().resolve("kafka"), config.topic(),
                config.partitions());
    }

    /** Fault drill: stops the broker alone; the services and the edge keep running without it. */
    public synchronized void stopBroker() {
        requireOpen();
        requireOwnBroker();
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same port and log directory, after {@link #stopBroker()}. */
    public synchronized void startBroker() throws Exception {
        requireOpen();
        requireOwnBroker();
        if (broker == null) {
            broker = LocalBroker.start(brokerSettings());
        }
    }

    public String baseUrl() {
        return "http://localhost:" + (edge == null ? config.httpPort() : edge.port());
    }

    /** Where the edge's {@code /actuator/prometheus} answers (loopback only). */
    public String edgeMetricsUrl() {
        return "http://127.0.0.1:" + (edge == null ? config.edgeMetricsPort() : edge.metricsPort());
    }

    public String kafkaBootstrap() {
        return config.kafkaBootstrap();
    }

    public String adminKey() {
        return config.adminKey();
    }

    public LocalSystemConfig config() {
        return config;
    }

    /** A service by name ("command-side", "query-side"): its pid now, how often it was restarted. */
    public SupervisedService service(String name) {
        return services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    synchronized List<SupervisedService> services() {
        return List.copyOf(services);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Edge first (no new requests, those in flight answered), then both services side by side, then the broker. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (edge != null) {
            edge.close();
        }
        services.forEach(SupervisedService::requestStop);
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StartupFailure("stopped while starting");
        }
    }

    private void requireOwnBroker() {
        if (!config.ownBroker()) {
            throw new IllegalStateException("the broker is external (LEDGER_KAFKA_BOOTSTRAP): not the launcher's to stop");
        }
    }
}
