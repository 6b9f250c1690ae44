package io.sessionledger.query.projection;

/**
 * Applies the waiting dead letters of a read model that this version can apply now: the live one, or a
 * rebuild's shadow before it is swapped in (whose rows must not lack what replays gave the live ones).
 */
public interface DeadLetterReplayer {

    /** @return how many were applied */
    long replay(SessionInfoRepository rows, DeadLetterRepository deadLetters);
}
