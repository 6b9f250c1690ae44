package io.sessionledger.command.config;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

/**
 * Tells the event store that an append hit the unique (aggregate, sequence) key, so that Axon reports a
 * {@code ConcurrencyException} (another writer appended first: run the command again on fresh state) instead of
 * a plain store failure. Axon's default resolver only knows {@link SQLIntegrityConstraintViolationException},
 * which the PostgreSQL driver never throws: it reports SQLState 23505, inside a BatchUpdateException for a batch.
 */
@Component
public class UniqueViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null;
                 sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
