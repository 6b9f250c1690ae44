package io.sessionledger.command.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint every {@code ledger.log.checkpoint-interval} (1 s) when the log has grown, and one of the
 * empty log at first start, so that the checkpoint endpoint always has an answer.
 */
@Component
public class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final TransparencyLog transparencyLog;
    private final CheckpointPublisher publisher;
    private final String origin;

    public Checkpointer(TransparencyLog transparencyLog, CheckpointPublisher publisher,
                        @Value("${ledger.log.origin:session-ledger.local/log}") String origin) {
        this.transparencyLog = transparencyLog;
        this.publisher = publisher;
        this.origin = origin;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${ledger.log.checkpoint-interval:1s}")
    void sign() {
        try {
            transparencyLog.checkpoint().ifPresent(checkpoint -> publisher.publish(origin, checkpoint));
        } catch (RuntimeException e) {
            log.error("cannot sign a checkpoint: {}", e.toString());
        }
    }
}
