package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionCounts;
import io.sessionledger.query.projection.SessionInfoRepository;
import io.sessionledger.query.projection.SessionRow;
import java.util.Map;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.sessionledger.query.support.TestDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Kore and Vectara read queries on a migrated database of the subclass's choice; the contracts hold the
 * tests, so PostgreSQL and H2 in PostgreSQL mode answer the same ones. Each test writes under a tenant of
 * its own, so the tests of a class share one database without seeing each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractListQueriesIT implements KoreQueriesContract, VectaraQueriesContract {

    private TestDatabases.Opened database;
    private JdbcTemplate jdbc;

    /** A fresh, empty database for this test class. */
    protected abstract TestDatabases.Opened openDatabase();

    @BeforeAll
    void migrate() {
        database = openDatabase();
        TestDatabases.migrate(database.dataSource());
        jdbc = new JdbcTemplate(database.dataSource());
    }

    @AfterAll
    void drop() throws Exception {
        database.close();
    }

    @Override
    public String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Override
    public void store(List<TestSession> sessions) {
        // As the projection stores rows: with the list scopes' counts in the same transaction.
        List<SessionRow> rows = sessions.stream().map(TestSession::row).toList();
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(tx -> {
            SessionInfoRepository repository = new SessionInfoRepository(jdbc);
            repository.insertAll(rows);
            repository.addToCounts(SessionCounts.changes(Map.of(), rows));
        });
    }

    @Override
    public KoreSessionQueries kore() {
        return new KoreSessionQueries(jdbc);
    }

    @Override
    public VectaraSessionQueries vectara(int chunk, int scanBudget) {
        return new VectaraSessionQueries(jdbc, new ListProperties(chunk, scanBudget));
    }
}
