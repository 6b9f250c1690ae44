package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionRow;
import java.util.Arrays;
import java.util.List;

/** What the list contracts need from the database under test. */
interface ListFixture {

    /** A tenant no other test writes under. */
    String newTenant();

    void store(List<TestSession> sessions);

    default void store(TestSession... sessions) {
        store(Arrays.asList(sessions));
    }

    KoreSessionQueries kore();

    VectaraSessionQueries vectara(int chunk, int scanBudget);

    default VectaraSessionQueries vectara() {
        return vectara(200, 5_000);
    }

    static List<String> ids(List<SessionRow> rows) {
        return rows.stream().map(SessionRow::sessionId).toList();
    }

    static List<String> keys(List<SessionRow> rows) {
        return rows.stream().map(SessionRow::sessionKey).toList();
    }
}
