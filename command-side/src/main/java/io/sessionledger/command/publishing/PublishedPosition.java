package io.sessionledger.command.publishing;

/** Where Kafka stored an event: what a reader waits for to see that write. */
public record PublishedPosition(int partition, long offset) {

    public String header() {
        return partition + ":" + offset;
    }
}
