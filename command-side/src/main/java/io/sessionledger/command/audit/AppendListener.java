package io.sessionledger.command.audit;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Told of what one transaction appends to the store: {@link #appending} inside that transaction (to write rows of
 * its own there, at no commit of their own), {@link #committed} once it has committed (never when it rolled back).
 */
public interface AppendListener {

    void appending(List<DomainEventMessage<?>> events);

    void committed(List<DomainEventMessage<?>> events);
}
