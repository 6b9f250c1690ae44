-- Axon's JPA event store, token store and our command-side tables.
-- Payloads and metadata are bytea holding JSON (convert_from(payload, 'UTF8') reads them).
create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint uk_domain_event_entry_event unique (event_identifier),
    constraint uk_domain_event_entry_aggregate unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number, type),
    constraint uk_snapshot_event_entry_event unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Set-based uniqueness of external keys (visitId, sessionReference, key): a hash per key and scope.
create table unique_key (
    key_hash     varchar(64)  not null primary key,
    kind         varchar(32)  not null,
    aggregate_id varchar(255) not null,
    claimed_at   timestamp with time zone not null
);

-- API keys: only the SHA-256 of the key is kept; the key itself is shown once, at issue.
create table api_key (
    id         varchar(64)  not null primary key,
    tenant_id  varchar(64)  not null,
    name       varchar(200) not null,
    key_hash   varchar(64)  not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    constraint uk_api_key_hash unique (key_hash)
);
