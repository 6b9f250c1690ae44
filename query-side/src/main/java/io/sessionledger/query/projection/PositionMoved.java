package io.sessionledger.query.projection;

/**
 * A batch would have stored offsets on top of a position that is no longer the stored one: another instance
 * projected the partition meanwhile (it took the partition over while this one still had a batch in flight), a
 * rebuild swapped the read model in, or an earlier commit of this instance succeeded although it was reported
 * as failed. The batch is rolled back; the poll thread reads on from the offsets stored now.
 */
public final class PositionMoved extends RuntimeException {

    PositionMoved(String topic, int partition, Long expected) {
        super("the stored offset of " + topic + "-" + partition + " is no longer "
                + (expected == null ? "absent" : expected) + ": another writer moved it");
    }
}
