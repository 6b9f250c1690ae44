package io.sessionledger.faults;

/** The faults the suite injects, one at a time, in this order. */
public enum Fault {
    KILL_QUERY_SIDE("SIGKILL a query-side instance"),
    KILL_COMMAND_SIDE("SIGKILL the command-side instance that publishes"),
    KILL_BROKER("SIGKILL the Kafka broker, restart after 10 s"),
    RESTART_POSTGRES("restart PostgreSQL");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
