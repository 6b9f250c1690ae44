package io.sessionledger.command.groupcommit;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * Commits concurrent commands together: each command still runs in its own (nested) unit of work, with its
 * own result, but the events of a whole batch are stored in one database transaction, so N writers pay for
 * one commit instead of N. Commands are spread over lanes by aggregate id, so one session's commands are
 * never in flight twice. See {@link Lane} for how a batch runs and fails, and how many commands may wait.
 */
public class GroupCommitCommandBus implements CommandBus {

    private final SimpleCommandBus handlers;
    private final Lane[] lanes;

    public GroupCommitCommandBus(TransactionManager transactions, int laneCount, int maxBatch, int queueLimit) {
        // The nested units of work join the batch's transaction: the inner bus attaches none of its own.
        this.handlers = SimpleCommandBus.builder().build();
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane("group-commit-" + i, handlers, transactions, maxBatch, queueLimit);
        }
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        lanes[Math.floorMod(Lane.routingKey(command).hashCode(), lanes.length)].submit(command, callback);
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return handlers.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return handlers.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return handlers.registerDispatchInterceptor(dispatchInterceptor);
    }

    public void shutdown() {
        List.of(lanes).forEach(Lane::stop);
    }
}
