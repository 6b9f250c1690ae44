package io.sessionledger.deploy.edge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8, problem 8: aborted uploads through the edge log at most one line each, none at ERROR, no stack trace. */
class AbortedUploadsLogIT extends AgainstEchoUpstreams {

    private static final int ABORTS = 30;

    static {
        // Kafka brings log4j-core, which JBoss Logging (Undertow's) would otherwise pick over SLF4J.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    @Test
    void abortedUploadsLogNoErrorAndNoStackTrace() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            for (int i = 0; i < ABORTS; i++) {
                RawClient client = new RawClient(edge.port());
                client.send("PUT /gks-server/v1/sessions/new HTTP/1.1\r\nHost: edge.test\r\nContent-Type: application/json\r\n"
                        + (i % 2 == 0 ? "Transfer-Encoding: chunked\r\n\r\nFF\r\n{\"visitId\":" : "Content-Length: 500\r\n\r\n{\"a\":"));
                client.abort();
            }
            // Answered after the aborts were read; the IO threads have logged whatever they log by then.
            assertThat(RawClient.exchange(edge.port(), "GET /nowhere HTTP/1.1\r\nHost: edge.test\r\n\r\n").status())
                    .isEqualTo(404);
            Thread.sleep(500);
        } finally {
            root.detachAppender(log);
        }

        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(events).allMatch(event -> event.getThrowableProxy() == null);
        assertThat(events.size()).isLessThanOrEqualTo(ABORTS);
    }
}
