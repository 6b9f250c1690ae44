package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real edge in front of two echo upstreams ("command" and "query", both UP) and no broker, so its health says
 * DOWN: what the edge tests that need no special settings start once per class.
 */
abstract class AgainstEchoUpstreams {

    protected static EchoUpstream command;
    protected static EchoUpstream query;
    protected static Edge edge;

    @BeforeAll
    static void startEdge() throws Exception {
        command = new EchoUpstream("command", "UP");
        query = new EchoUpstream("query", "UP");
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(),
                "127.0.0.1:" + Ports.findFree()));
    }

    @AfterAll
    static void stopEdge() {
        edge.close();
        command.close();
        query.close();
    }
}
