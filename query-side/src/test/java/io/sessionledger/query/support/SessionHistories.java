package io.sessionledger.query.support;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
import io.sessionledger.events.session.UserAssociated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Many sessions' lives interleaved as concurrent traffic interleaves them: session n has 1 + n % 5 events
 * (created, an association, details with text COPY must escape, a status change, termination), and the
 * k-th events of all sessions come before any (k+1)-th.
 */
public final class SessionHistories {

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00.123Z");

    private SessionHistories() {
    }

    public static List<CloudEvent> interleaved(String tenant, int sessions) {
        List<CloudEvent> events = new ArrayList<>();
        for (int version = 0; version < 5; version++) {
            for (int n = 0; n < sessions; n++) {
                if (version <= n % 5) {
                    events.add(envelope(version, T0.plusSeconds(60L * version + n), event(tenant, "s-" + n, n, version)));
                }
            }
        }
        return events;
    }

    /** As Kafka would hand them out: one partition per session (of three), offsets in order per partition. */
    public static List<ConsumerRecord<byte[], byte[]>> records(String topic, List<CloudEvent> events) {
        Map<Integer, Long> next = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (CloudEvent event : events) {
            String key = event.tenantid() + ":" + event.subject();
            int partition = Math.floorMod(key.hashCode(), 3);
            long offset = next.merge(partition, 1L, Long::sum) - 1;
            records.add(new ConsumerRecord<>(topic, partition, offset, key.getBytes(StandardCharsets.UTF_8),
                    TestEvents.CODEC.write(event)));
        }
        return records;
    }

    private static SessionEvent event(String tenant, String session, int n, int version) {
        return switch (version) {
            case 0 -> n % 2 == 0 ? anonymous(tenant, session) : withParties(tenant, session, "agent-" + n, null, null);
            case 1 -> new UserAssociated(tenant, session, "agent-x" + n, "cust-" + n, "visit-" + n, null, "cust-" + n);
            case 2 -> new SessionDetailsUpdated(tenant, session, new SessionDetails("tab\there Zoë € 🙂 " + n,
                    "back\\slash\nnew line\r\n", JsonNodeFactory.instance.objectNode().put("k", "v\\n\t" + n),
                    n % 3 == 0), "cust-" + n);
            case 3 -> new SessionStatusChanged(tenant, session, SessionStatus.IDLE, SessionStatus.BUSY);
            default -> new SessionTerminated(tenant, session, SessionStatus.BUSY);
        };
    }
}
