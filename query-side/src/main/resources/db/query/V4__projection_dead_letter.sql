-- Records the projection could not apply (docs/decisions.md, "Dead letters"). Each was sent to the dead-letter
-- topic, and acknowledged, before the transaction that writes its row here and the offsets past it committed;
-- while a session has a row here not yet replayed, its later events are dead-lettered behind it (kept in order).
create table projection_dead_letter (
    topic            varchar(249) not null,
    partition_no     integer      not null,
    record_offset    bigint       not null,
    -- the record's Kafka key (the session's aggregate id); null for a record without one
    record_key       varchar,
    reason           varchar(32)  not null,
    event_type       varchar,
    detail           varchar,
    dead_lettered_at timestamp with time zone not null,
    replayed_at      timestamp with time zone,
    primary key (topic, partition_no, record_offset)
);
create index projection_dead_letter_key on projection_dead_letter (record_key);

-- The same for a rebuild's shadow read model; its rows replace the live ones when the shadow is swapped in.
create table projection_dead_letter_shadow (
    topic            varchar(249) not null,
    partition_no     integer      not null,
    record_offset    bigint       not null,
    record_key       varchar,
    reason           varchar(32)  not null,
    event_type       varchar,
    detail           varchar,
    dead_lettered_at timestamp with time zone not null,
    replayed_at      timestamp with time zone,
    primary key (topic, partition_no, record_offset)
);
