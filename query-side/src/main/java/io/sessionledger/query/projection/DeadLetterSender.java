package io.sessionledger.query.projection;

import java.util.List;

/**
 * Hands records the projection cannot apply to the dead-letter topic. Returns only once the broker has
 * acknowledged every one of them (acks=all), so the offsets past them may be stored; throws otherwise, and the
 * batch is rolled back and read again.
 */
public interface DeadLetterSender {

    void send(List<Unapplied> letters);
}
