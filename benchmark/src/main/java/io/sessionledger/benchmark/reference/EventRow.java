package io.sessionledger.benchmark.reference;

/**
 * The physical reference: a table shaped like an event store's (unique event id, unique aggregate id and
 * sequence, a JSON payload of about 600 bytes in bytea) and one insert of one row per transaction.
 */
final class EventRow {

    static final String DDL = """
            create table ref_event (
                global_index   bigserial primary key,
                event_id       varchar(36)  not null unique,
                aggregate_id   varchar(200) not null,
                sequence_no    bigint       not null,
                type           varchar(100) not null,
                time_stamp     timestamptz  not null,
                payload        bytea        not null,
                unique (aggregate_id, sequence_no))""";

    /**
     * One line per statement (pgbench's rule). The payload has no colon directly before a letter or digit,
     * which pgbench would read as a variable (a {@code ::} cast is fine).
     */
    static String script() {
        return "insert into ref_event (event_id, aggregate_id, sequence_no, type, time_stamp, payload) values "
                + "(gen_random_uuid()::text, 'bench:' || gen_random_uuid()::text, 0, 'session.created', now(), "
                + "convert_to('" + payload() + "', 'UTF8'));\n";
    }

    static String payload() {
        StringBuilder json = new StringBuilder("{\"specversion\": \"1.0\", \"type\": \"session.created\", "
                + "\"source\": \"/session-ledger/tenants/bench\", \"subject\": \"s-0b9f3c1e-5d2a-4f7e-9c61\", "
                + "\"datacontenttype\": \"application/json\", \"data\": {\"tenantId\": \"bench\", "
                + "\"agentId\": \"a-17\", \"customerId\": \"c-20240101-42\", \"visitId\": \"v-20240101-42\", "
                + "\"anonymous\": false, \"scope\": \"TENANT\", \"note\": \"");
        while (json.length() < 560) {
            json.append("padding-to-an-event-sized-row ");
        }
        return json.append("\"}}").toString();
    }

    private EventRow() {
    }
}
