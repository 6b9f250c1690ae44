-- The latest version of each session Kafka has acknowledged, and where that event sits on the topic. Written by the
-- publisher in the transaction that stores its token; read by command-side instances whose writes another
-- instance's publisher sends, so that they too answer once their events are on Kafka (docs/multi-instance.md).
create table published_session (
    aggregate_id    varchar(255) not null primary key,
    version         bigint       not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null
);
