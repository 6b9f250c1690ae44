package io.sessionledger.command.security;

import io.sessionledger.command.config.LedgerProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the revocations topic at start when it is missing: one partition, since revocations are rare and
 * every query side instance reads all of them. In the background, so that a broker that is down does not
 * hold the start; the first revocation tries again if this did not succeed.
 */
@Component
public class RevocationTopic {

    private static final Logger log = LoggerFactory.getLogger(RevocationTopic.class);

    private final LedgerProperties properties;
    private volatile boolean ensured;

    public RevocationTopic(LedgerProperties properties) {
        this.properties = properties;
    }

    String name() {
        return properties.kafka().revocationsTopic();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createInBackground() {
        Thread thread = new Thread(this::ensure, "revocation-topic");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the topic exists now; never waits longer than the publish timeout */
    boolean ensure() {
        if (ensured) {
            return true;
        }
        long timeoutMs = properties.consistency().publishTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "session-ledger-revocation-topic",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs))) {
            admin.createTopics(List.of(new NewTopic(name(), Optional.of(1), Optional.empty())))
                    .all().get(timeoutMs, TimeUnit.MILLISECONDS);
            log.info("created the key revocations topic {}", name());
            ensured = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ensured = true;
            } else {
                log.warn("cannot create the key revocations topic {} yet: {}", name(), e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("cannot create the key revocations topic {} yet: {}", name(), e.toString());
        }
        return ensured;
    }
}
