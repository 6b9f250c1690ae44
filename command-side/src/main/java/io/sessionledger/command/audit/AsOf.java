package io.sessionledger.command.audit;

import io.sessionledger.command.session.Session;
import io.sessionledger.command.session.SessionSnapshot;
import io.sessionledger.events.session.SessionDeleted;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

/**
 * A session as it was at an instant: its events up to then (from the store, never a snapshot), folded by the
 * aggregate's own event sourcing handlers, so that time travel and the write side can never disagree.
 */
@Component
public class AsOf {

    public record Past(SessionSnapshot session, boolean deleted) {
    }

    private static final AggregateModel<Session> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Session.class);
    private final EventStore store;

    public AsOf(EventStore store) {
        this.store = store;
    }

    /** @return empty when the session did not exist yet at {@code instant} (or never) */
    public Optional<Past> at(String aggregateId, Instant instant) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        boolean deleted = false;
        DomainEventStream stream = store.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(instant)) {
                break;
            }
            events.add(event);
            deleted |= event.getPayload() instanceof SessionDeleted;
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EventSourcedAggregate<Session> aggregate = EventSourcedAggregate.initialize(newSession(), MODEL, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        return Optional.of(new Past(aggregate.invoke(Session::snapshot), deleted));
    }

    private static Session newSession() {
        try {
            Constructor<Session> constructor = Session.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the session aggregate needs its no-argument constructor", e);
        }
    }
}
