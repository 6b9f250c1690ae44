package io.sessionledger.deploy;

import io.sessionledger.deploy.broker.BrokerSettings;
import io.sessionledger.deploy.broker.LocalBroker;
import io.sessionledger.deploy.edge.Edge;
import io.sessionledger.deploy.edge.EdgeSettings;
import io.sessionledger.deploy.services.ServiceProcess;
import io.sessionledger.deploy.services.StartupFailure;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the local system this launcher started, in start order. Closing stops exactly those,
 * in reverse order, and may happen at any moment, including half-way through {@link #boot()}.
 */
public final class RunningSystem implements AutoCloseable {

    private final LocalSystemConfig config;
    private LocalBroker broker;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Edge edge;
    private boolean closed;

    RunningSystem(LocalSystemConfig config) {
        this.config = config;
    }

    void boot() throws Exception {
        Files.createDirectories(config.logDir());
        Ports.requireFree(config);
        LocalBroker startedBroker = LocalBroker.start(brokerSettings());
        synchronized (this) {
            if (closed) {
                startedBroker.close();
            }
            requireOpen();
            broker = startedBroker;
            for (var spec : ServiceSpecs.of(config)) {
                services.add(ServiceProcess.start(spec));
            }
        }
        for (ServiceProcess service : List.copyOf(services)) {
            service.awaitHealthy(config.startupTimeout());
        }
        synchronized (this) {
            requireOpen();
            edge = Edge.start(new EdgeSettings(config.httpHost(), config.httpPort(),
                    config.commandUrl(), config.queryUrl(), config.kafkaBootstrap(), config.defaultRateLimit(), 1,
                    config.edgeLimits()));
        }
    }

    private BrokerSettings brokerSettings() {
        return new BrokerSettings(config.kafkaPort(), config.dataDir().resolve("kafka"), config.topic(),
                config.partitions());
    }

    /** Fault drill: stops the broker alone; the services and the edge keep running without it. */
    public synchronized void stopBroker() {
        requireOpen();
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same port and log directory, after {@link #stopBroker()}. */
    public synchronized void startBroker() throws Exception {
        requireOpen();
        if (broker == null) {
            broker = LocalBroker.start(brokerSettings());
        }
    }

    public String baseUrl() {
        return "http://localhost:" + (edge == null ? config.httpPort() : edge.port());
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

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Edge first (no new requests), then both services side by side, then the broker they use. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (edge != null) {
            edge.close();
        }
        services.forEach(ServiceProcess::requestStop);
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
}
