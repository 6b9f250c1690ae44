package io.sessionledger.command.groupcommit;

/**
 * A lane already holds as many waiting commands as it may ({@code ledger.commands.queue-limit}): the command is
 * refused at once, untouched, rather than queued behind work that would outlast its caller's patience.
 */
public class LaneFull extends RuntimeException {

    public LaneFull(String lane, int limit) {
        super(lane + " already holds " + limit + " waiting commands", null, false, false);
    }
}
