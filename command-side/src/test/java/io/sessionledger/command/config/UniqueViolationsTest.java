package io.sessionledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationsTest {

    private final UniqueViolations violations = new UniqueViolations();

    @Test
    void aPostgresBatchThatHitAUniqueKeyIsADuplicate() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 ... was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(violations.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void aBatchAbortedForAnotherReasonIsNot() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 ... was aborted", "08006", new int[0]);
        batch.setNextException(new SQLException("connection lost", "08006"));

        assertThat(violations.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isFalse();
    }
}
