package io.sessionledger.faults.check;

import io.sessionledger.faults.load.Op;
import io.sessionledger.testsupport.TopicReader;

import java.util.List;

/**
 * Every invariant checked after a run, and what the checks found on the way that the report needs: the
 * redelivered topic records (attributed to the fault in whose window they were sent) and the store's size.
 */
public record Verdict(List<CheckResult> checks, List<TopicReader.Read> redelivered, int storedEvents,
                      int storedSessions, int topicRecords) {

    /** Runs every check on what the run left behind. */
    public static Verdict of(String tenantId, List<Op> ops, List<StoredEvent> events, java.util.Map<String,
            ProjectedSession> readModel, List<String[]> claims, List<TopicReader.Read> records) {
        return of(tenantId, ops, events, readModel, claims, records, List.of());
    }

    /** @param more checks made on the running system itself (its dead letters) */
    public static Verdict of(String tenantId, List<Op> ops, List<StoredEvent> events, java.util.Map<String,
            ProjectedSession> readModel, List<String[]> claims, List<TopicReader.Read> records, List<CheckResult> more) {
        SessionFold fold = new SessionFold(events);
        WriteChecks writes = new WriteChecks(tenantId, events, fold);
        TopicChecks topic = new TopicChecks(events, records);
        HistoryChecks history = new HistoryChecks(ops);
        List<CheckResult> checks = new java.util.ArrayList<>(List.of(
                writes.acknowledged(ops),
                writes.unacknowledged(ops),
                topic.check(),
                new ReadModelChecks(fold, readModel).check(),
                new NameChecks(fold).check(ops, claims),
                history.monotonicReads(),
                history.readYourWrites(),
                history.readsFindSessions(),
                history.linearizableWrites()));
        checks.addAll(more);
        return new Verdict(checks, topic.redelivered(), events.size(), fold.all().size(), records.size());
    }

    /** The dead-letter check, on the broker and the services' metrics of a running system. */
    public static CheckResult deadLetters(String bootstrap, List<String> serviceUrls) {
        return DeadLetterCheck.check(bootstrap, serviceUrls);
    }

    public boolean holds() {
        return checks.stream().allMatch(CheckResult::holds);
    }
}
