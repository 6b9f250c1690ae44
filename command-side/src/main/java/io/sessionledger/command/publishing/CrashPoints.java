package io.sessionledger.command.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test's way to crash the process where publication can be cut short ({@code ledger.publishing.crash-point}):
 * right after a commit, before anything is sent; or right after Kafka's first ack, before that ack is recorded
 * anywhere. The process halts as a kill would: no shutdown hook, no drain. Unset (none) in every deployment.
 */
public class CrashPoints {

    public enum Point { NONE, AFTER_COMMIT, AFTER_ACK }

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final Point armed;

    public CrashPoints(Point armed) {
        this.armed = armed;
    }

    void reached(Point point) {
        if (point == armed) {
            log.error("crash point {} reached: halting", point);
            Runtime.getRuntime().halt(137);
        }
    }
}
