-- Crypto-shredding (docs/decisions.md, "Personal data and erasure"). A data subject's keys live here, apart from
-- the events that hold values sealed under them; erasing the subject deletes its rows, which erases those values
-- everywhere they were copied. subject_ref is a keyed hash of (tenant, subject), never the identifier.
create table subject_key (
    key_id      varchar(32)  not null primary key,
    tenant_id   varchar(255) not null,
    subject_ref varchar(80)  not null,
    secret      varchar(64)  not null,
    created_at  timestamp with time zone not null
);
create index subject_key_subject on subject_key (subject_ref);

-- What an erasure destroyed: the key's id and when, so a second erasure can say so. No secret.
create table erased_subject_key (
    key_id      varchar(32)  not null primary key,
    tenant_id   varchar(255) not null,
    subject_ref varchar(80)  not null,
    erased_at   timestamp with time zone not null
);
create index erased_subject_key_subject on erased_subject_key (subject_ref);

-- Which sessions hold a subject's data: written with the events, read by an erasure.
create table subject_session (
    subject_ref  varchar(80)  not null,
    aggregate_id varchar(255) not null,
    primary key (subject_ref, aggregate_id)
);

-- One-time steps that rewrite what earlier versions stored (events with personal data in clear, unkeyed
-- uniqueness hashes): a row per step done.
create table personal_data_migration (
    step    varchar(64) not null primary key,
    done_at timestamp with time zone not null
);
