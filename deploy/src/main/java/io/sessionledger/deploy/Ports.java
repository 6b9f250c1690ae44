package io.sessionledger.deploy;

import io.sessionledger.deploy.services.StartupFailure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fails fast, with the variable to change, when a port the system needs is taken. */
public final class Ports {

    private Ports() {
    }

    static void requireFree(LocalSystemConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("LEDGER_HTTP_PORT", config.httpPort());
        ports.put("LEDGER_COMMAND_PORT", config.commandPort());
        ports.put("LEDGER_QUERY_PORT", config.queryPort());
        ports.put("LEDGER_EDGE_METRICS_PORT", config.edgeMetricsPort());
        if (config.ownBroker()) {
            ports.put("LEDGER_KAFKA_PORT", config.kafkaPort());
            ports.put("LEDGER_KAFKA_PORT + 1 (controller)", config.kafkaPort() + 1);
        }
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                throw new StartupFailure("Port " + port + " (" + name + ") is already in use. Is another "
                        + "Session Ledger running? Stop it or choose another port with " + name.split(" ")[0] + ".");
            }
        });
    }

    /** A port nothing listens on now, for tests. */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port p such that p and p + 1 are free: the broker and its controller. */
    public static int findFreePair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = findFree();
            if (port < 65535 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
