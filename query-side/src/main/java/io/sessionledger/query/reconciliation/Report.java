package io.sessionledger.query.reconciliation;

import java.util.List;
import java.util.Map;

/** What {@code GET /ledger/v1/reconciliation} answers: each side's figures and every difference in words. */
public record Report(boolean consistent, StoreLookup.Store store, Topic topic, ReadModel readModel,
                     List<String> differences) {

    /**
     * @param records     records on the topic now (end minus beginning, summed; the producer is not transactional)
     * @param events      distinct events among them: the records less the copies (null while the read model has
     *                    not read them all, so the copies among the rest are not known)
     * @param copies      records the read model found to be second copies of events it held (sent at least once)
     */
    public record Topic(String name, long records, Long events, long copies, List<TopicPartitionRange> partitions) {
    }

    public record TopicPartitionRange(int partition, long beginning, long end) {
    }

    /** @param deadLetters the topic's records the read model lacks because it could not apply them */
    public record ReadModel(long sessions, List<Projected> partitions, DeadLetters deadLetters) {
    }

    /** @param nextOffset the stored offset the projection resumes from (null: it has read nothing there) */

    public record Projected(int partition, Long nextOffset, long end, long behind) {
    }

    /**
     * @param topic    the dead-letter topic they wait in
     * @param waiting  not yet replayed, all reasons together ({@code byReason} splits them)
     * @param replayed applied by a replay since they were dead-lettered
     */
    public record DeadLetters(String topic, long waiting, Map<String, Long> byReason, long replayed) {
    }
}
