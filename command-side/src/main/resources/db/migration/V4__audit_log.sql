-- Tamper evidence (docs/decisions.md, "Audit"): one row per stored event, written in the event's transaction.
-- hash: SHA-256 over the canonical form of the event and the previous event's hash in the same session;
-- leaf_index: the event's place in the ledger-wide Merkle log, in commit order, from 0 without gaps.
create table event_hash (
    global_index     bigint       not null primary key,
    event_identifier varchar(255) not null,
    aggregate_id     varchar(255) not null,
    sequence_number  bigint       not null,
    hash             varchar(64)  not null,
    previous_hash    varchar(64)  not null,
    leaf_index       bigint       not null,
    constraint uk_event_hash_leaf unique (leaf_index),
    constraint uk_event_hash_session unique (aggregate_id, sequence_number)
);

-- The log's size: one row, bumped by every append under its row lock, so leaves follow commit order.
create table ledger_log (
    id   integer not null primary key,
    size bigint  not null
);
insert into ledger_log (id, size) values (1, 0);

-- Signed checkpoints (C2SP tlog-checkpoint notes), newest = largest tree size.
create table log_checkpoint (
    tree_size  bigint        not null primary key,
    root_hash  varchar(64)   not null,
    note       varchar(4000) not null,
    created_at timestamp with time zone not null
);
