package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.Ports;

/**
 * A real edge in front of two echo upstreams ("command" and "query", both UP) and no broker, so its health says
 * DOWN: what the edge tests that need no special settings start once per class.
 */
final class EdgeUnderTest implements AutoCloseable {

    final EchoUpstream command;
    final EchoUpstream query;
    final Edge edge;

    private EdgeUnderTest(EchoUpstream command, EchoUpstream query, Edge edge) {
        this.command = command;
        this.query = query;
        this.edge = edge;
    }

    static EdgeUnderTest start() throws Exception {
        EchoUpstream command = new EchoUpstream("command", "UP");
        EchoUpstream query = new EchoUpstream("query", "UP");
        Edge edge = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(),
                "127.0.0.1:" + Ports.findFree()));
        return new EdgeUnderTest(command, query, edge);
    }

    @Override
    public void close() {
        edge.close();
        command.close();
        query.close();
    }
}
