-- Where a rebuild's shadow read model (session_info_shadow, made by the rebuild itself in the live table's
-- shape) resumes, per partition; copied into projection_offset when the shadow becomes the live table.
create table projection_offset_shadow (
    topic        varchar(249) not null,
    partition_no integer      not null,
    next_offset  bigint       not null,
    primary key (topic, partition_no)
);
