package io.sessionledger.deploy.edge;

import java.util.concurrent.CountDownLatch;

/** The edge on its own, as a real deployment runs it in its own container. */
public final class EdgeMain {

    private EdgeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EdgeSettings settings = EdgeSettings.fromEnvironment(System.getenv());
        Edge edge = Edge.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(edge::close, "edge-shutdown"));
        System.out.printf("Session Ledger edge on port %d: writes -> %s, reads -> %s%n",
                edge.port(), settings.commandSide(), settings.querySide());
        new CountDownLatch(1).await();
    }
}
