package io.sessionledger.command.groupcommit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command waiting in a lane, with whom to answer. It is answered at most once, and answering never throws into
 * the lane: a failed batch can then answer "everything not answered yet" without knowing how far it got.
 */
final class Pending {

    private static final Logger log = LoggerFactory.getLogger(Pending.class);

    private final CommandMessage<?> command;
    @SuppressWarnings("rawtypes")
    private final CommandCallback callback;
    private final AtomicBoolean answered = new AtomicBoolean();

    Pending(CommandMessage<?> command, CommandCallback<?, ?> callback) {
        this.command = command;
        this.callback = callback;
    }

    CommandMessage<?> command() {
        return command;
    }

    String aggregate() {
        return Lane.routingKey(command);
    }

    @SuppressWarnings("unchecked")
    void answer(CommandResultMessage<?> result) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            callback.onResult(command, result);
        } catch (Throwable t) { // the caller's trouble; the lane goes on answering the others
            log.warn("answering command {} failed", command.getCommandName(), t);
        }
    }

    void fail(Throwable cause) {
        answer(GenericCommandResultMessage.asCommandResultMessage(cause));
    }
}
