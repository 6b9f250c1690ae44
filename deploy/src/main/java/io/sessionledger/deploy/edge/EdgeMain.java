package io.sessionledger.deploy.edge;

import java.util.concurrent.CountDownLatch;

/** The edge on its own ({@code java -jar deploy-<version>-edge.jar}), as a real deployment runs it in its own container. */
public final class EdgeMain {

    private EdgeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EdgeSettings settings = EdgeSettings.fromEnvironment(System.getenv());
        Edge edge = Edge.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(edge::close, "edge-shutdown"));
        System.out.printf("Session Ledger edge on port %d: writes -> %s, reads -> %s; metrics on %s:%d%n",
                edge.port(), settings.commandSide(), settings.querySide(), settings.metricsHost(), edge.metricsPort());
        new CountDownLatch(1).await();
    }
}
