package io.sessionledger.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * After the load: waits until the read model holds every stored session at its last version (so everything
 * was published and projected), within a bound. Both services share the database, so one query says it.
 */
final class Convergence {

    private static final String BEHIND = "select count(*) from (select aggregate_identifier id, max(sequence_number) v "
            + "from domain_event_entry group by aggregate_identifier) stored "
            + "left join session_info projected on projected.aggregate_id = stored.id "
            + "where projected.version is distinct from stored.v";

    private Convergence() {
    }

    /** @return how many sessions were still behind when it returned: 0 once converged */
    static long await(String url, String user, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long behind = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            try (Connection db = DriverManager.getConnection(url, user, "");
                 Statement statement = db.createStatement();
                 ResultSet count = statement.executeQuery(BEHIND)) {
                count.next();
                behind = count.getLong(1);
                if (behind == 0) {
                    return 0;
                }
            } catch (SQLException e) {
                // PostgreSQL may still be coming back: try again
            }
            Thread.sleep(500);
        }
        return behind;
    }
}
