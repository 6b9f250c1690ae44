package io.sessionledger.command.audit;

import io.sessionledger.proofs.EventContent;
import java.util.Optional;

/**
 * Checks one session's events, fed in sequence order, against their hash rows: each event is where it was
 * hashed, follows its predecessor without a gap, and its recomputed hash (over its stored content and the
 * previous hash) is the hash it was given. Keeps only the first failure.
 */
public final class SessionChain {

    private long expectedSequence;
    private String previousHash = EventContent.GENESIS;
    private Failure failure;
    private long checked;

    public void accept(StoredEvent event) {
        accept(event, null);
    }

    /**
     * @param recomputed the event's hash recomputed over its content and its own {@code previousHash} (computed
     *                   ahead, elsewhere), or null to recompute it here; used only once that previous hash is known
     *                   to be the one before it, so the outcome is the same either way
     */
    public void accept(StoredEvent event, String recomputed) {
        if (failure != null) {
            return;
        }
        checked++;
        if (event.hash() == null) {
            failure = Failure.at("inserted", event, "the event has no hash: it was not written by the ledger");
        } else if (!event.eventId().equals(event.hashedEventId()) || event.sequence() != event.hashedSequence()) {
            failure = Failure.at("reordered", event, "the event was hashed as sequence " + event.hashedSequence()
                    + " of its session, and sits at " + event.sequence());
        } else if (event.sequence() != expectedSequence) {
            failure = Failure.at("removed", event, "events " + expectedSequence + " to " + (event.sequence() - 1)
                    + " of the session are missing before this one");
        } else if (!previousHash.equals(event.previousHash())) {
            failure = Failure.at("altered", event, "its previous hash is not the hash of the event before it");
        } else if (!(recomputed != null ? recomputed : event.content().hash(previousHash)).equals(event.hash())) {
            failure = Failure.at("altered", event, "its stored content no longer matches its hash");
        }
        expectedSequence = event.sequence() + 1;
        previousHash = event.hash();
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    public long checked() {
        return checked;
    }

    /** The hash of the last event fed (the session's head when all were fed). */
    public String head() {
        return previousHash;
    }
}
