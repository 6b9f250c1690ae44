-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. Free-text columns are unbounded varchar
-- (H2 cannot index text): a value the projection cannot store would stall its partition.
create table session_info (
    aggregate_id      varchar(200) primary key,
    tenant_id         varchar(64)  not null,
    session_id        varchar(128) not null,
    app_id            varchar,
    environment       varchar,
    agent_key         varchar,
    agent_id          varchar,
    customer_id       varchar,
    user_reference    varchar,
    user_id           varchar,
    visit_id          varchar,
    global_visit_id   varchar,
    session_reference varchar,
    session_key       varchar,
    name              varchar,
    description       varchar,
    metadata          text,
    enabled           boolean,
    status            varchar(16)  not null,
    anonymous         boolean      not null,
    version           bigint       not null,
    dialect           varchar(32),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    ended_at          timestamp with time zone,
    deleted           boolean      not null default false
);

create index session_info_scope_created on session_info (tenant_id, app_id, environment, created_at desc);
create index session_info_agent_key on session_info (tenant_id, agent_key, session_key);
create index session_info_visit on session_info (tenant_id, visit_id);

-- The next Kafka offset to read per partition, written in the same transaction as the rows it produced.
create table projection_offset (
    topic        varchar(249) not null,
    partition_no integer      not null,
    next_offset  bigint       not null,
    primary key (topic, partition_no)
);
