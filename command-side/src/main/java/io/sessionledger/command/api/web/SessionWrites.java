package io.sessionledger.command.api.web;

import io.sessionledger.command.api.web.CommandMeters.Outcome;
import io.sessionledger.command.config.LedgerProperties;
import io.sessionledger.command.groupcommit.LaneFull;
import io.sessionledger.command.publishing.PublicationWait;
import io.sessionledger.command.publishing.PublishedPosition;
import io.sessionledger.command.session.SessionOutcome;
import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.dialect.SessionView;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.RequestContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a session command on behalf of a request and answers only once its events are on Kafka, so the
 * next read anywhere sees them. A command that lost a race for its session's next sequence number (a create
 * racing another create of the same id, or another command-side instance appending first) is run again: the
 * next attempt starts from what the winner stored. A lane too full to take the command is a 503 to retry.
 */
@Component
public class SessionWrites {

    public record Result(SessionOutcome outcome, Optional<PublishedPosition> position) {

        public SessionView session() {
            return SessionViews.of(outcome.session());
        }

        /**
         * The status and headers every dialect's write answers with: {@code ETag} (the version),
         * {@code x-ledger-position} (where the last event sits on Kafka) or {@code x-ledger-consistency: pending}.
         */
        public ResponseEntity.BodyBuilder respond(HttpStatus status) {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                    .eTag("\"" + outcome.session().version() + "\"");
            position.ifPresentOrElse(
                    published -> builder.header(POSITION_HEADER, published.header()),
                    () -> {
                        if (outcome.changed()) {
                            builder.header(CONSISTENCY_HEADER, "pending");
                        }
                    });
            return builder;
        }
    }

    public static final String POSITION_HEADER = "x-ledger-position";
    public static final String CONSISTENCY_HEADER = "x-ledger-consistency";

    /** Each conflict means another command committed on the session, so a few attempts suffice. */
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final PublicationWait publications;
    private final LedgerProperties properties;
    private final CommandMeters meters;

    public SessionWrites(CommandGateway commands, PublicationWait publications, LedgerProperties properties,
                         CommandMeters meters) {
        this.commands = commands;
        this.publications = publications;
        this.properties = properties;
        this.meters = meters;
    }

    public Result send(Object command, RequestContext context, String dialect) {
        long start = System.nanoTime();
        Outcome measured = Outcome.FAILED;
        try {
            Result result = sendAndAwaitPublication(command, context, dialect);
            measured = !result.outcome().changed() ? Outcome.UNCHANGED
                    : result.position().isPresent() ? Outcome.APPLIED : Outcome.PENDING;
            return result;
        } catch (SessionRejected e) {
            measured = Outcome.REJECTED;
            throw e;
        } finally {
            meters.record(dialect, command, measured, System.nanoTime() - start);
        }
    }

    private Result sendAndAwaitPublication(Object command, RequestContext context, String dialect) {
        SessionOutcome outcome = dispatch(command, context, dialect);
        String aggregateId = outcome.session().ref().aggregateId();
        Duration timeout = properties.consistency().publishTimeout();
        Optional<PublishedPosition> position = outcome.changed()
                ? publications.awaitWritten(aggregateId, outcome.session().version(), timeout)
                : publications.awaitShown(aggregateId, outcome.session().version(), timeout);
        return new Result(outcome, position);
    }

    private SessionOutcome dispatch(Object command, RequestContext context, String dialect) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.<SessionOutcome>send(GenericCommandMessage.asCommandMessage(command)
                                .withMetaData(CommandMetadata.of(context, dialect)))
                        .get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            } catch (TimeoutException e) {
                throw unavailable();
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = unwrap(e);
                if (isConflict(cause) && attempt < ATTEMPTS) {
                    continue;
                }
                if (cause instanceof LaneFull) {
                    throw retryShortly("the ledger is taking too many writes at once; try again");
                }
                if (isConflict(cause)) {
                    throw retryShortly("the session kept changing under this write; try again");
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static boolean isConflict(Throwable cause) {
        return cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof ExecutionException || current instanceof CompletionException
                || current instanceof CommandExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        for (Throwable cause = current; cause != null; cause = cause.getCause()) {
            if (cause instanceof SessionRejected || cause instanceof LaneFull || isConflict(cause)) {
                return cause;
            }
        }
        return current;
    }

    private static ApiException unavailable() {
        return new ApiException(ApiError.unavailable("the ledger did not answer in time; try again"));
    }

    /** Nothing was written: a 503 with {@code Retry-After: 1}, in the dialect's format. */
    private static ApiException retryShortly(String message) {
        return new ApiException(new ApiError(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", message, null, 1L));
    }
}
