package io.sessionledger.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which sessions' events must follow an earlier event of theirs into the dead-letter topic during one batch:
 * applying a later event first would leave the earlier one behind the row's version, and a replay could then
 * never apply it. A session is held from its first dead letter on: one stored earlier, or one in this batch.
 */
final class DeadLetterBlock {

    private final Set<String> waiting;
    private final Map<String, ConsumerRecord<byte[], byte[]>> firstInBatch = new HashMap<>();

    /**
     * @param waiting   sessions with a dead letter stored and not yet replayed
     * @param undecoded this batch's records that did not decode
     */
    DeadLetterBlock(Set<String> waiting, List<Unapplied> undecoded) {
        this.waiting = waiting;
        undecoded.forEach(this::add);
    }

    boolean holds(String key, ConsumerRecord<byte[], byte[]> record) {
        if (waiting.contains(key)) {
            return true;
        }
        ConsumerRecord<byte[], byte[]> first = firstInBatch.get(key);
        // Another partition for one key happens only after partitions were added: order is unknown, so hold it.
        return first != null && (first.partition() != record.partition() || first.offset() < record.offset());
    }

    /** @return the letter, whose session is held from it on */
    Unapplied add(Unapplied letter) {
        if (letter.key() != null) {
            firstInBatch.merge(letter.key(), letter.record(),
                    (kept, next) -> kept.partition() == next.partition() && kept.offset() <= next.offset() ? kept : next);
        }
        return letter;
    }
}
