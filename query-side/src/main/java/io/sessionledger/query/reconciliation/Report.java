package io.sessionledger.query.reconciliation;

import java.util.List;

/** What {@code GET /ledger/v1/reconciliation} answers: each side's figures and every difference in words. */
public record Report(boolean consistent, StoreLookup.Store store, Topic topic, ReadModel readModel,
                     List<String> differences) {

    /** @param records records on the topic now (end minus beginning, summed; the producer is not transactional) */
    public record Topic(String name, long records, List<TopicPartitionRange> partitions) {
    }

    public record TopicPartitionRange(int partition, long beginning, long end) {
    }

    /** @param nextOffset the stored offset the projection resumes from (null: it has read nothing there) */
    public record ReadModel(long sessions, List<Projected> partitions) {
    }

    public record Projected(int partition, Long nextOffset, long end, long behind) {
    }
}
